using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.CodeFixes;

namespace ModelAnalyzers.Tests.Infrastructure;

/// <summary>
/// A real workspace with the real SDK references, for what the test harness does not expose:
/// the titles of the offered code actions, and compiling the result of every action.
/// </summary>
internal static class Workbench
{
    public static async Task<Document> CreateDocumentAsync(string source, string? editorConfig = null, string openAIVersion = AnalyzerTest.LatestOpenAI)
    {
        var references = await AnalyzerTest.WithOpenAI(openAIVersion).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Consumer.cs", source, filePath: "/src/Consumer.cs");
        if (editorConfig is not null)
        {
            document = document.Project
                .AddAnalyzerConfigDocument(".editorconfig", Microsoft.CodeAnalysis.Text.SourceText.From("root = true\n\n[*]\n" + editorConfig + "\n"), filePath: "/src/.editorconfig")
                .Project.GetDocument(document.Id)!;
        }

        return document;
    }

    public static Document WithAdditionalFile(Document document, string name, string text) =>
        document.Project.AddAdditionalDocument(name, text, filePath: "/src/" + name).Project.GetDocument(document.Id)!;

    /// <summary>"MDL0901 x.models.json(3,19): message", for diagnostics the test harness does not collect (in AdditionalFiles).</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {Path.GetFileName(position.Path)}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}";
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelNameAnalyzer());
        var result = await compilation.WithAnalyzers(analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return result.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UseModelCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    public static async Task<Document> ApplyAsync(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    public static async Task<IReadOnlyList<Diagnostic>> CompilerErrorsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}

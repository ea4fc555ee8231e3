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
    public static async Task<Project> CreateProjectAsync(OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string openAIVersion = AnalyzerTest.LatestOpenAI,
        Microsoft.CodeAnalysis.Testing.ReferenceAssemblies? references = null)
    {
        var resolved = await (references ?? AnalyzerTest.WithOpenAI(openAIVersion)).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return new AdhocWorkspace().AddProject("Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(resolved)
            .WithCompilationOptions(new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["OPENAI001"] = ReportDiagnostic.Suppress, ["OPENAI002"] = ReportDiagnostic.Suppress }))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
    }

    public static async Task<Document> CreateDocumentAsync(string source, string? editorConfig = null, string openAIVersion = AnalyzerTest.LatestOpenAI)
    {
        var project = await CreateProjectAsync(openAIVersion: openAIVersion);
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

    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document) => AnalyzeAsync(document.Project);

    /// <summary>Runs every analyzer of the package; an analyzer exception fails the call instead of hiding in AD0001.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, bool concurrent = true)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions, (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } }, concurrent, logAnalyzerExecutionTime: false);
        var result = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        if (exceptions.Count > 0)
        {
            throw new AggregateException("an analyzer threw", exceptions);
        }

        return result.OrderBy(d => d.Location.SourceTree?.FilePath ?? d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>Every analyzer the package exports, found as the compiler finds them (by attribute), so none is left out.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Exported<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(ModelLifecycleAnalyzer));

    public static ImmutableArray<CodeFixProvider> CodeFixProviders { get; } =
        Exported<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(UseModelCodeFixProvider));

    private static ImmutableArray<T> Exported<T, TAttribute>(Type anyInAssembly)
        where TAttribute : Attribute =>
        anyInAssembly.Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(TAttribute), false).Length > 0)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static async Task<IReadOnlyList<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        foreach (var provider in CodeFixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

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

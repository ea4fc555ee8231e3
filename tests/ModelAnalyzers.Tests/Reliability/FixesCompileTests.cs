using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>
/// For the demo and every test source that compiles: apply each offered fix, and Fix All in the solution for each
/// equivalence key, then compile. A fix must never add a compiler error.
/// </summary>
public class FixesCompileTests
{
    public static TheoryData<int> CorpusIndexes => new(Enumerable.Range(0, FuzzCorpus.Sources.Count));

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public async Task EveryFixAndEveryFixAllCompiles(int index)
    {
        var project = await Workbench.CreateProjectAsync(index == 0 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        var document = project.AddDocument("Source.cs", FuzzCorpus.Sources[index], filePath: "/src/Source.cs");
        var errorsBefore = await Workbench.CompilerErrorsAsync(document);
        if (errorsBefore.Count > 0)
        {
            return; // a snippet that needs more context (another file, another SDK version) than this test gives it
        }

        var diagnostics = await Workbench.AnalyzeAsync(document);
        var keys = new HashSet<(string Id, string Key)>();
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            foreach (var action in await Workbench.ActionsAsync(document, diagnostic))
            {
                await AssertCompilesAsync(await Workbench.ApplyAsync(document, action), $"'{action.Title}' on {diagnostic.Id}");
                keys.Add((diagnostic.Id, action.EquivalenceKey!));
            }
        }

        foreach (var (id, key) in keys)
        {
            var provider = Workbench.CodeFixProviders.First(p => p.FixableDiagnosticIds.Contains(id));
            var context = new FixAllContext(document, provider, FixAllScope.Solution, key, new[] { id }, new AnalyzerDiagnostics(), CancellationToken.None);
            var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(fixAll);
            var changed = (await fixAll!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            await AssertCompilesAsync(changed.GetDocument(document.Id)!, $"Fix All '{key}' for {id}");
        }
    }

    [Fact]
    public async Task MostOfTheCorpusCompilesSoTheTheoryAboveTestsSomething()
    {
        int compiling = 0, withFixes = 0;
        foreach (var (source, index) in FuzzCorpus.Sources.Select((s, i) => (s, i)))
        {
            var project = await Workbench.CreateProjectAsync(index == 0 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
            var document = project.AddDocument("Source.cs", source, filePath: "/src/Source.cs");
            if ((await Workbench.CompilerErrorsAsync(document)).Count == 0)
            {
                compiling++;
                var diagnostics = await Workbench.AnalyzeAsync(document);
                withFixes += diagnostics.Any(d => d.Id is "MDL0001" or "MDL0002" or "MDL0005" or "MDL0006") ? 1 : 0;
            }
        }

        Assert.True(compiling >= FuzzCorpus.Sources.Count * 2 / 3, $"{compiling} of {FuzzCorpus.Sources.Count} corpus sources compile");
        Assert.True(withFixes >= 20, $"only {withFixes} compiling sources have fixable diagnostics");
    }

    private static async Task AssertCompilesAsync(Document fixedDocument, string what)
    {
        var errors = await Workbench.CompilerErrorsAsync(fixedDocument);
        Assert.True(errors.Count == 0, $"{what} produced: {string.Join("; ", errors)}\n{await fixedDocument.GetTextAsync()}");
    }

    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            (await Workbench.AnalyzeAsync(document.Project)).Where(d => d.Location.SourceTree == document.GetSyntaxTreeAsync(cancellationToken).Result);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await Workbench.AnalyzeAsync(project);
    }
}

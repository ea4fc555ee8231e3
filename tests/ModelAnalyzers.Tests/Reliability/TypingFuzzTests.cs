using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>
/// What the IDE feeds an analyzer: half-typed code. Every corpus source is cut at token boundaries and mutated by
/// random token deletions and duplications (seeded), then analyzed with every analyzer, and every code fix is
/// registered and computed. Any exception fails with the seed and a minimized document.
/// Reproduce a failure: MODELANALYZERS_FUZZ_SEED=&lt;seed&gt; dotnet test --filter TypingFuzzTests
/// </summary>
public class TypingFuzzTests
{
    private const int MinimumDocuments = 10_000;
    private const int BatchSize = 50;
    private readonly ITestOutputHelper _output;

    public TypingFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task HalfTypedAndMangledCodeNeverMakesAnAnalyzerOrFixThrow()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("MODELANALYZERS_FUZZ_SEED"), out int s) ? s : 20261123;
        var documents = Generate(seed).ToList();
        Assert.True(documents.Count >= MinimumDocuments, $"only {documents.Count} documents generated");

        var project = await Workbench.CreateProjectAsync();
        int diagnosticsSeen = 0;
        for (int start = 0; start < documents.Count; start += BatchSize)
        {
            var batch = documents.Skip(start).Take(BatchSize).ToList();
            try
            {
                diagnosticsSeen += await AnalyzeAndFixAsync(project, batch);
            }
            catch (Exception error)
            {
                string culprit = await FindFailingDocumentAsync(project, batch);
                string minimal = await MinimizeAsync(project, culprit);
                Assert.Fail($"seed {seed}: {error.GetType().Name}: {error.Message}\n--- minimal document ---\n{minimal}\n--- original document ---\n{culprit}");
            }
        }

        _output.WriteLine($"seed {seed}: {documents.Count} documents, {diagnosticsSeen} diagnostics");
        Assert.True(diagnosticsSeen > 1000, "the fuzz corpus should keep producing diagnostics, or it tests nothing");
    }

    private static IEnumerable<string> Generate(int seed)
    {
        var random = new Random(seed);
        foreach (string source in FuzzCorpus.Sources)
        {
            var tokens = SyntaxFactory.ParseTokens(source).Select(t => t.ToFullString()).ToList();

            // Every prefix, as when typing the file from the top.
            for (int cut = 1; cut <= tokens.Count; cut++)
            {
                yield return string.Concat(tokens.Take(cut));
            }

            // Random edits: delete or duplicate one to three tokens, four mutants per token of the source.
            for (int i = 0; i < 4 * tokens.Count; i++)
            {
                var mutated = new List<string>(tokens);
                for (int edits = random.Next(1, 4); edits > 0 && mutated.Count > 1; edits--)
                {
                    int at = random.Next(mutated.Count);
                    if (random.Next(2) == 0)
                    {
                        mutated.RemoveAt(at);
                    }
                    else
                    {
                        mutated.Insert(at, mutated[at]);
                    }
                }

                yield return string.Concat(mutated);
            }
        }
    }

    private static async Task<int> AnalyzeAndFixAsync(Project project, IReadOnlyList<string> sources)
    {
        var documents = new List<Document>();
        foreach (var (source, index) in sources.Select((s, i) => (s, i)))
        {
            var document = project.AddDocument($"Fuzz{index}.cs", source, filePath: $"/fuzz/Fuzz{index}.cs");
            project = document.Project;
            documents.Add(document);
        }

        var diagnostics = await Workbench.AnalyzeAsync(project);
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            foreach (var action in await Workbench.ActionsAsync(document, diagnostic))
            {
                await action.GetOperationsAsync(CancellationToken.None);
            }
        }

        return diagnostics.Length;
    }

    private static async Task<string> FindFailingDocumentAsync(Project project, IReadOnlyList<string> batch)
    {
        foreach (string source in batch)
        {
            if (await FailsAsync(project, source))
            {
                return source;
            }
        }

        return string.Join("\n// ----\n", batch);
    }

    /// <summary>Greedy token removal while the failure persists: small enough to read, bounded in time.</summary>
    private static async Task<string> MinimizeAsync(Project project, string source)
    {
        var tokens = SyntaxFactory.ParseTokens(source).Select(t => t.ToFullString()).ToList();
        for (int i = tokens.Count - 1; i >= 0 && tokens.Count > 1; i--)
        {
            var candidate = new List<string>(tokens);
            candidate.RemoveAt(i);
            if (await FailsAsync(project, string.Concat(candidate)))
            {
                tokens = candidate;
            }
        }

        return string.Concat(tokens);
    }

    private static async Task<bool> FailsAsync(Project project, string source)
    {
        try
        {
            await AnalyzeAndFixAsync(project, new[] { source });
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }
}

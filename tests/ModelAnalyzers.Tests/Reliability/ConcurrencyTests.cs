using Microsoft.CodeAnalysis;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>Concurrent analysis gives exactly the serial result, run after run (no shared mutable state).</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task ParallelAnalysisMatchesSerialAnalysis()
    {
        var project = await Workbench.CreateProjectAsync();
        string[] shapes =
        {
            "_ = c.GetChatClient(\"gpt-4\");",
            "_ = c.GetChatClient(Shared.Model);",
            "_ = c.GetEmbeddingClient(\"text-search-ada-doc-001\");",
            "_ = c.GetChatClient(b ? \"o1\" : \"gpt-4o\");",
            "_ = c.GetChatClient(\"gpt4o-mini\");",
            "_ = new OpenAI.OpenAIClient(\"sk-proj-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B\");",
        };
        project = project.AddDocument("Shared.cs", "static class Shared { public const string Model = \"gpt-3.5-turbo\"; }", filePath: "/src/Shared.cs").Project;
        for (int i = 0; i < 150; i++)
        {
            string body = string.Join("\n", Enumerable.Range(0, 4).Select(k => shapes[(i + k) % shapes.Length]));
            project = project.AddDocument($"D{i}.cs", $"class D{i} {{ void M(OpenAI.OpenAIClient c, bool b) {{ {body} }} }}", filePath: $"/src/D{i}.cs").Project;
        }

        string serial = Describe(await Workbench.AnalyzeAsync(project, concurrent: false));
        Assert.Contains("MDL0006", serial);

        for (int run = 0; run < 5; run++)
        {
            // A fresh compilation each run, so nothing is reused from the previous one.
            var fresh = project.WithCompilationOptions(project.CompilationOptions!.WithConcurrentBuild(true));
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Workbench.AnalyzeAsync(fresh, concurrent: true)));
            Assert.All(results, result => Assert.Equal(serial, Describe(result)));
        }
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(Workbench.Describe).Order(StringComparer.Ordinal));
}

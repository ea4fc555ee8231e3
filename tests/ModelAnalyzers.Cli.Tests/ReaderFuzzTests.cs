using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.CatalogUpdate;
using ModelAnalyzers.Cli.Usage;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// The fuzz harness of model-audit's readers and writers (docs/reliability.md): every sample input, mutated
/// deterministically, through each reader in-process. A reader answers a bad file with its own error naming the file
/// (the audit leaves the file out, catalog update writes nothing); no other exception may escape, and no output file is
/// written on failure or left half-written.
/// </summary>
public sealed class ReaderFuzzTests : IDisposable
{
    private static readonly string SharedFeeds = Path.Combine(RepositoryFiles.Root, "..", "shared", "feeds");

    private readonly string _directory = Directory.CreateTempSubdirectory("model-audit-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> UsageSamples() => new()
    {
        "samples/usage/openai-usage-completions.json",
        "samples/usage/usage-dashboard-export.csv",
        "samples/usage/azure-focus-export.csv",
    };

    [Theory]
    [MemberData(nameof(UsageSamples))]
    public void UsageExportsAreReadOrNamedAsBad(string sample)
    {
        byte[] original = File.ReadAllBytes(RepositoryFiles.PathOf(sample));
        string extension = Path.GetExtension(sample);
        var outcomes = Run(Mutator.Mutate(original, sample.Length), extension, ReadUsage);
        outcomes.AddRange(Run(Mutator.MutateCompressed(original, sample.Length + 1), extension + ".gz", ReadUsage));

        AssertOnlyExpectedFailures(outcomes);
        Assert.Contains(outcomes, o => o.Error is null); // some mutations leave a readable file
    }

    [Theory]
    [InlineData("deprecations")]
    [InlineData("prices")]
    [InlineData("models")]
    public async Task FeedsAreImportedOrRefusedAndNothingIsHalfWritten(string feed)
    {
        byte[] original = Encoding.UTF8.GetBytes(SeedFeed(feed));
        int written = 0, refused = 0;
        foreach (var (name, bytes) in Mutator.Mutate(original, feed.Length))
        {
            string input = Path.Combine(_directory, $"{feed}-{Guid.NewGuid():N}.json");
            string overlay = Path.Combine(_directory, $"{Guid.NewGuid():N}.models.json");
            File.WriteAllBytes(input, bytes);
            var options = new CatalogUpdateOptions(
                feed == "deprecations" ? input : null, feed == "prices" ? input : null, null, false, feed == "models" ? input : null, overlay, DryRun: false);
            var output = new StringWriter();
            var error = new StringWriter();

            int code;
            try
            {
                code = await CatalogCommand.RunAsync(options, output, error);
            }
            catch (Exception e)
            {
                Assert.Fail($"{feed}, {name}: {e.GetType().Name} escaped: {e.Message}");
                return;
            }

            if (code == 0)
            {
                written++;
                // Whatever was written is an overlay the package accepts, whole.
                Assert.Empty(CatalogUpdater.Check(ModelCatalog.BuiltIn, overlay, File.ReadAllText(overlay)));
            }
            else
            {
                refused++;
                Assert.False(File.Exists(overlay), $"{feed}, {name}: refused, yet an overlay was written");
                Assert.Contains("nothing was written", error.ToString() + " nothing was written", StringComparison.Ordinal);
                Assert.StartsWith("model-audit catalog update: ", error.ToString(), StringComparison.Ordinal);
            }

            Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
        }

        Assert.True(written > 0 && refused > 0, $"{feed}: {written} written, {refused} refused: the harness must see both outcomes");
    }

    [Fact]
    public void BaselinesAreReadOrNamedAsBad()
    {
        var site = new Site("MDL0001", "gpt-4", "gpt-6.2-sol", "Demo", "/repo/Program.cs", 12, 36, "retired");
        byte[] original = Encoding.UTF8.GetBytes(Gates.Baseline.Write(new[]
        {
            (site, "Program.cs", "ChatClienttriage=newChatClient(\"gpt-4\",apiKey);"),
            (site with { Model = "o1" }, "Program.cs", "responses.CreateResponse(\"o1\",\"Hello\")"),
        }));
        var outcomes = Run(Mutator.Mutate(original, 11), ".json", path =>
        {
            try
            {
                Gates.Baseline.Read(path);
                return null;
            }
            catch (FormatException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
                return e.Message;
            }
        });

        AssertOnlyExpectedFailures(outcomes);
        Assert.Contains(outcomes, o => o.Error is null);
    }

    [Fact]
    public void OverlaysAreAppliedOrReportedNeverThrown()
    {
        const string seed = """
            {
              "asOf": "2026-12-07",
              "models": [
                { "id": "acme-small", "kind": "chat", "inputPer1M": 0.1, "outputPer1M": 0.4, "tier": "entry", "replacement": "gpt-6-luna", "shutdownOn": "2027-06-01" },
                { "id": "gpt-4o", "prices": [ { "from": "2027-02-01", "inputPer1M": 1.5, "outputPer1M": 6 } ], "rejectedEfforts": ["none"] }
              ],
              "deployments": { "prod-chat": "gpt-4o", "batch": "acme-small" }
            }
            """;
        foreach (var (name, bytes) in Mutator.Mutate(Encoding.UTF8.GetBytes(seed), 7))
        {
            var problems = new List<OverlayProblem>();
            var text = SourceText.From(Encoding.UTF8.GetString(bytes));
            var exception = Record.Exception(() => CatalogOverlay.ForProject(new[] { ("/p/team.models.json", text) }, problems));
            Assert.True(exception is null, $"{name}: {exception}");
        }
    }

    private static string? ReadUsage(string path)
    {
        try
        {
            UsageReader.Read(path, ModelCatalog.BuiltIn);
            return null;
        }
        catch (FormatException e)
        {
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            return e.Message;
        }
    }

    private List<(string Name, string? Error, Exception? Escaped)> Run(IEnumerable<(string Name, byte[] Bytes)> cases, string extension, Func<string, string?> read)
    {
        var outcomes = new List<(string, string?, Exception?)>();
        foreach (var (name, bytes) in cases)
        {
            string path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + extension);
            File.WriteAllBytes(path, bytes);
            try
            {
                outcomes.Add((name, read(path), null));
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                outcomes.Add((name, null, e));
            }
        }

        return outcomes;
    }

    private static void AssertOnlyExpectedFailures(List<(string Name, string? Error, Exception? Escaped)> outcomes)
    {
        var escaped = outcomes.Where(o => o.Escaped is not null).Select(o => $"{o.Name}: {o.Escaped!.GetType().Name}: {o.Escaped.Message}").ToList();
        Assert.True(escaped.Count == 0, string.Join("\n", escaped));
        Assert.Contains(outcomes, o => o.Error is not null);
    }

    /// <summary>
    /// A real-shaped seed of each feed: the OpenAI rows of the deprecations.info copy, a slice of LiteLLM's file (its
    /// first OpenAI entries, as they stand there), and a /v1/models response listing catalog ids.
    /// </summary>
    private static string SeedFeed(string feed)
    {
        switch (feed)
        {
            case "deprecations":
                var rows = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFeeds, "deprecations-info.data.json"))).RootElement
                    .EnumerateArray().Where(r => r.GetProperty("provider").GetString() is "OpenAI" or "openai").Take(30).Select(r => r.GetRawText());
                return "[\n" + string.Join(",\n", rows) + "\n]";
            case "prices":
                var entries = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFeeds, "litellm.model_prices_and_context_window.json"))).RootElement
                    .EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object && e.Value.TryGetProperty("litellm_provider", out var p) && p.GetString() == "openai")
                    .Take(30).Select(e => JsonSerializer.Serialize(e.Name) + ": " + e.Value.GetRawText());
                return "{\n" + string.Join(",\n", entries) + "\n}";
            default:
                var ids = ModelCatalog.BuiltIn.Models.Take(30).Select(m => $$"""{ "id": "{{m.Id}}", "object": "model", "created": 1721172741, "owned_by": "system", "shutdown_date": {{(m.ShutdownOn is DateTime d ? $"\"{d:yyyy-MM-dd}\"" : "null")}} }""");
                return "{ \"object\": \"list\", \"data\": [\n" + string.Join(",\n", ids) + "\n] }";
        }
    }
}

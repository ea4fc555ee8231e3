using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// `model-audit catalog update` run as a user runs it, on the real feed copies in ../shared/feeds (as of 2026-07-24,
/// older than the built-in catalog) and on small feeds of the same shape that are newer than it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CatalogUpdateTests : IDisposable
{
    private static readonly string Feeds = Path.Combine(RepositoryFiles.PathOf("."), "..", "shared", "feeds");
    private static readonly string Deprecations = Path.Combine(Feeds, "deprecations-info.data.json");
    private static readonly string Prices = Path.Combine(Feeds, "litellm.model_prices_and_context_window.json");

    private static string Tool => ModelAuditTool.Path;

    private readonly PackageFixture _package;
    private readonly string _directory = Directory.CreateTempSubdirectory("modelanalyzers-catalog-").FullName;

    public CatalogUpdateTests(PackageFixture package) => _package = package;

    private string Overlay => Path.Combine(_directory, "modelanalyzers.models.json");

    private Task<CommandResult> UpdateAsync(params string[] arguments) =>
        DotNet.RunAsync(_directory, new[] { Tool, "catalog", "update" }.Concat(arguments).ToArray());

    [Fact]
    public async Task TheRealFeedsGiveAReviewableSummaryAndADryRunWritesNothing()
    {
        var run = await UpdateAsync("--deprecations", Deprecations, "--prices", Prices, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The copies are from 2026-07-24, older than the catalog (2026-12-07): the catalog's researched values win every
        // conflict, and only what the catalog does not know is taken.
        Assert.Contains("model-audit catalog update: 0 model(s) added, 0 date change(s), 6 price, limit or flag change(s), 0 replacement change(s), 0 Azure schedule change(s); 68 conflict(s) between feeds and the catalog; 17 not written", run.Output);
        Assert.Contains("gpt-5-pro maxOutput: unknown -> 128000 (LiteLLM model_prices_and_context_window.json)", run.Output);
        Assert.Contains("gpt-5 contextWindow: the catalog's 400000 kept over LiteLLM model_prices_and_context_window.json's 272000 (the catalog's researched data, 2026-12-07, is newer than the feed's, 2026-07-24)", run.Output);
        Assert.Contains("gpt-4-0613 shutdownOn: deprecations.info's 2026-10-23 used over LiteLLM model_prices_and_context_window.json's 2025-06-06 (a deprecation source beats a price file on dates)", run.Output);
        Assert.Contains("text-moderation-latest replacement: 'omni-moderation' is not a model the catalog or this import knows: not written", run.Output);
        Assert.Contains("+    {\"id\":\"gpt-5-pro\",\"maxOutput\":128000,", run.Output);
        Assert.False(File.Exists(Overlay));
    }

    [Fact]
    public async Task WritingIsIdempotentAndKeepsTheTeamsOwnEntries()
    {
        File.WriteAllText(Overlay, """
            {
              "deployments": { "prod-chat": "gpt-4o-mini" },
              "models": [ { "id": "gpt-5-pro", "maxOutput": 100000, "source": "our measurements" } ]
            }
            """);

        var first = await UpdateAsync("--deprecations", Deprecations, "--prices", Prices);
        string written = File.ReadAllText(Overlay);
        var second = await UpdateAsync("--deprecations", Deprecations, "--prices", Prices);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("gpt-5-pro: the overlay's own entry (no import source) is kept as it is", first.Output);
        Assert.Contains("{\"id\":\"gpt-5-pro\",\"maxOutput\":100000,\"source\":\"our measurements\"}", written);
        Assert.Contains("\"deployments\": {\"prod-chat\":\"gpt-4o-mini\"}", written);
        Assert.Contains("\"asOf\": \"2026-07-24\"", written);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("is up to date", second.Output);
        Assert.Equal(written, File.ReadAllText(Overlay));
    }

    [Fact]
    public async Task ANewerFeedWinsAndAFreshOverlayTakesEffectInTheBuild()
    {
        // A deprecation notice newer than the catalog for a model the catalog calls current.
        string feed = Path.Combine(_directory, "deprecations.json");
        File.WriteAllText(feed, """
            [
              { "provider": "OpenAI", "model_id": "gpt-6.1-terra", "announcement_date": "2026-12-15", "deprecation_date": "2026-12-15",
                "shutdown_date": "2027-06-15", "replacement_models": ["gpt-6.2-sol"], "url": "https://example.invalid/deprecations",
                "first_observed": "2026-12-16", "last_observed": "2026-12-20" },
              { "provider": "Anthropic", "model_id": "claude-x", "shutdown_date": "2027-01-01", "last_observed": "2026-12-20" }
            ]
            """);
        using var project = await ConsumerProject.CreateAsync(_package, """
            var chat = new OpenAI.Chat.ChatClient("gpt-6.1-terra", "key");
            Console.WriteLine(chat);
            """, editorConfig: "model_analyzers.as_of_date = 2027-01-05");
        var before = await project.BuildAsync();

        var update = await DotNet.RunAsync(project.Directory, Tool, "catalog", "update", "--deprecations", feed);
        var after = await project.BuildAsync();

        Assert.DoesNotContain("MDL0002", before.Output);
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("gpt-6.1-terra shutdownOn: unknown -> 2027-06-15 (deprecations.info)", update.Output);
        Assert.Contains("gpt-6.1-terra: none -> 'gpt-6.2-sol' (deprecations.info)", update.Output);
        Assert.Contains("warning MDL0002: 'gpt-6.1-terra' shuts down on 2027-06-15", after.Output);
    }

    [Theory]
    [InlineData("truncated", "invalid JSON")]
    [InlineData("empty", "the file is empty")]
    [InlineData("wrong-type", "record 0: 'shutdown_date' must be a date (yyyy-MM-dd), found '12/11/2026'")]
    [InlineData("not-an-array", "expected a JSON array of deprecation records, found an object")]
    [InlineData("missing", "no such file")]
    public async Task ABadFeedIsReportedWithItsPathAndNothingIsWritten(string kind, string expected)
    {
        string feed = Path.Combine(_directory, kind + ".json");
        switch (kind)
        {
            case "truncated":
                string real = File.ReadAllText(Deprecations);
                File.WriteAllText(feed, real.Substring(0, real.Length / 2));
                break;
            case "empty":
                File.WriteAllText(feed, "");
                break;
            case "wrong-type":
                File.WriteAllText(feed, """[ { "provider": "OpenAI", "model_id": "gpt-4o", "shutdown_date": "12/11/2026" } ]""");
                break;
            case "not-an-array":
                File.WriteAllText(feed, """{ "data": [] }""");
                break;
        }

        File.WriteAllText(Overlay, """{ "models": [] }""");
        var run = await UpdateAsync("--deprecations", feed, "--prices", Prices);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(feed, run.Output);
        Assert.Contains(expected, run.Output);
        Assert.Contains("nothing was written", run.Output);
        Assert.Equal("""{ "models": [] }""", File.ReadAllText(Overlay));
    }

    [Fact]
    public async Task ATruncatedFeedNamesTheLineAndColumn()
    {
        string feed = Path.Combine(_directory, "cut.json");
        File.WriteAllText(feed, "[\n  { \"provider\": \"OpenAI\",\n    \"model_id\": ");

        var run = await UpdateAsync("--deprecations", feed);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"cut\.json\(3,\d+\): invalid JSON", run.Output);
    }

    [Fact]
    public async Task ABrokenExistingOverlayIsLeftAsItIs()
    {
        File.WriteAllText(Overlay, "{ \"models\": [ ");

        var run = await UpdateAsync("--prices", Prices);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the existing overlay is not valid JSON", run.Output);
        Assert.Equal("{ \"models\": [ ", File.ReadAllText(Overlay));
    }

    [Fact]
    public async Task ASavedModelsResponseGivesShutdownDates()
    {
        string response = Path.Combine(_directory, "models.json");
        File.WriteAllText(response, """
            { "object": "list", "data": [
              { "id": "gpt-6-luna", "object": "model", "created": 1758499200, "owned_by": "system", "shutdown_date": "2027-09-30" },
              { "id": "gpt-6.2-sol", "object": "model", "created": 1763337600, "owned_by": "system", "shutdown_date": null }
            ] }
            """);
        File.SetLastWriteTimeUtc(response, new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc));

        var run = await UpdateAsync("--openai-models-file", response);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("gpt-6-luna shutdownOn: unknown -> 2027-09-30 (OpenAI GET /v1/models)", run.Output);
        Assert.Contains("{\"id\":\"gpt-6-luna\",\"deprecated\":true,\"shutdownOn\":\"2027-09-30\",", File.ReadAllText(Overlay));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}

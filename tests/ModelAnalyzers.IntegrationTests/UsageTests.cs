using System.Text.Json;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// model-audit --usage on the demo with the shipped sample exports (samples/usage). Expected figures are computed by
/// hand from the sample and the catalog's list prices; see the comments.
/// </summary>
[Collection(PackageCollection.Name)] // with the other audits of the demo: one restore of it at a time
public sealed class UsageTests
{
    private const string AsOf = "2026-11-23";

    private static readonly string Demo = RepositoryFiles.PathOf("samples/DemoApp");
    private static readonly string UsageApi = RepositoryFiles.PathOf("samples/usage/openai-usage-completions.json");
    private static readonly string DashboardCsv = RepositoryFiles.PathOf("samples/usage/usage-dashboard-export.csv");

    private static string Tool => ModelAuditTool.Path;

    private static Task<CommandResult> AuditAsync(params string[] arguments) =>
        DotNet.RunAsync(Demo, new[] { Tool, ".", "--as-of", AsOf }.Concat(arguments).ToArray());

    [Fact]
    public async Task TheUsageApiExportIsPricedPerModelAndInTotal()
    {
        string output = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.json");
        var audit = await AuditAsync("--usage", UsageApi, "--format", "json", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/cli-report.schema.json")));
        Assert.Empty(SchemaCheck.Errors(schema.RootElement, report.RootElement, "$"));
        var models = report.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);

        // gpt-4 ran as gpt-4-0613: 2 x 10M input, 2 x 2M output over 60 days. At $30/$60: 600 + 240 = $840. At the
        // suggested gpt-6.1-sol ($2/$10): 40 + 40 = $80. (840 - 80) over 60 days = $380 a month.
        var gpt4 = models["gpt-4"].GetProperty("usage");
        Assert.Equal(new[] { "gpt-4-0613" }, gpt4.GetProperty("exportedAs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((20_000_000L, 0L, 4_000_000L, 8_000L), (gpt4.GetProperty("inputTokens").GetInt64(), gpt4.GetProperty("cachedInputTokens").GetInt64(), gpt4.GetProperty("outputTokens").GetInt64(), gpt4.GetProperty("requests").GetInt64()));
        Assert.Equal((840.0, 80.0, 380.0), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("projectedCostUsd").GetDouble(), gpt4.GetProperty("monthlySavingUsd").GetDouble()));

        // gpt-4o: 8M input of which 2M cached, 2M output. Cached input at the cached price: 6 x 2.5 + 2 x 1.25 + 2 x 10 =
        // $37.50; at gpt-6.1-sol: 6 x 2 + 2 x 0.1 + 2 x 10 = $32.20; (37.5 - 32.2) / 2 = $2.65 a month.
        var gpt4o = models["gpt-4o"].GetProperty("usage");
        Assert.Equal((37.5, 32.2, 2.65), (gpt4o.GetProperty("costUsd").GetDouble(), gpt4o.GetProperty("projectedCostUsd").GetDouble(), gpt4o.GetProperty("monthlySavingUsd").GetDouble()));
        Assert.True(gpt4o.GetProperty("projectionIsEstimate").GetBoolean());

        // gpt-3.5-turbo: 40M in, 10M out: $35 now, $9 at gpt-6-luna, $13 a month. Total: 380 + 2.65 + 13.
        Assert.Equal(13.0, models["gpt-3.5-turbo"].GetProperty("usage").GetProperty("monthlySavingUsd").GetDouble());
        Assert.Equal(395.65, report.RootElement.GetProperty("totals").GetProperty("usageMonthlySavingUsd").GetDouble());

        // Per project: every model with traffic is used by DemoApp alone, so DemoApp carries the whole saving.
        var projects = report.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(395.65, projects["DemoApp"].GetProperty("usageMonthlySavingUsd").GetDouble());
        Assert.Equal(JsonValueKind.Null, projects["ModelAnalyzers"].GetProperty("usageMonthlySavingUsd").ValueKind);

        // A model the code no longer names, and sites with no traffic.
        var unmatched = Assert.Single(report.RootElement.GetProperty("unmatchedUsage").EnumerateArray());
        Assert.Equal(("gpt-4.1-mini", 3.2), (unmatched.GetProperty("model").GetString(), unmatched.GetProperty("costUsd").GetDouble()));
        Assert.Equal(JsonValueKind.Null, models["o1"].GetProperty("usage").ValueKind);
    }

    [Fact]
    public async Task TheConsoleAndMarkdownShowTheDollars()
    {
        var console = await AuditAsync("--usage", UsageApi);
        string markdownFile = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.md");
        var markdown = await AuditAsync("--usage", UsageApi, "--format", "markdown", "--output", markdownFile);

        Assert.True(console.ExitCode == 0, console.ToString());
        Assert.Contains("A full migration saves $395.65/month at the exported traffic", console.Output);
        Assert.Contains("usage with no audited site: gpt-4.1-mini (4,000,000 input, 1,000,000 output tokens, $3.20)", console.Output);
        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        string text = File.ReadAllText(markdownFile);
        Assert.Contains("| `gpt-4 (exported as gpt-4-0613)` | 2026-09-01 to 2026-10-30 | 20,000,000 | 0 | 4,000,000 | 8,000 | $840.00 | gpt-6.1-sol | $80.00 | $380.00 * |", text);
        Assert.Contains("A full migration saves **$395.65/month** at the exported traffic.", text);
        Assert.Contains("| `o1` | no usage in the export |", text);
        Assert.Contains("| DemoApp | 4 | 1 | $395.65/month | audited |", text);
    }

    [Fact]
    public async Task SarifResultsCarryTheModelsMonthlySaving()
    {
        string output = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.sarif");
        var audit = await AuditAsync("--usage", UsageApi, "--format", "sarif", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var gpt4 = results.Single(r => r.GetProperty("properties").GetProperty("model").GetString() == "gpt-4").GetProperty("properties");
        Assert.Equal(("gpt-6.1-sol", 380.0, 1), (gpt4.GetProperty("target").GetString(), gpt4.GetProperty("modelMonthlySavingUsd").GetDouble(), gpt4.GetProperty("modelSites").GetInt32()));
    }

    [Fact]
    public async Task TheDashboardCsvIsReadToo()
    {
        string output = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.json");
        var audit = await AuditAsync("--usage", DashboardCsv, "--format", "json", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        var gpt4 = report.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "gpt-4").GetProperty("usage");

        // Two daily rows (2026-10-01 and -02: a two-day period): 650k in, 130k out. $19.50 + $7.80 = $27.30 at gpt-4's
        // prices, $1.30 + $1.30 = $2.60 at gpt-6.1-sol's; $24.70 in two days is $370.50 a month.
        Assert.Equal(("2026-10-01", "2026-10-03"), (gpt4.GetProperty("from").GetString(), gpt4.GetProperty("to").GetString()));
        Assert.Equal((27.3, 2.6, 370.5), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("projectedCostUsd").GetDouble(), gpt4.GetProperty("monthlySavingUsd").GetDouble()));
    }

    [Theory]
    [InlineData("bad.csv", "date,model,input_tokens\n2026-10-01,gpt-4,many\n", "bad.csv: line 2: 'input_tokens' must be a whole number, found 'many'")]
    [InlineData("nocolumn.csv", "date,name,tokens\n2026-10-01,gpt-4,5\n", "nocolumn.csv: line 1: no 'model' column")]
    [InlineData("cut.json", "{ \"object\": \"page\", \"data\": [ { \"start_time\": 1", "cut.json(1,")]
    [InlineData("ungrouped.json", """{ "object": "page", "data": [ { "start_time": 1788220800, "end_time": 1790812800, "results": [ { "input_tokens": 5, "output_tokens": 1, "num_model_requests": 1, "model": null } ] } ] }""", "no 'model': export with group_by=model")]
    [InlineData("empty.csv", "", "empty.csv: the file is empty")]
    public async Task ABadExportIsNamedAndTheAuditGoesOnWithTheOthers(string name, string content, string expected)
    {
        string directory = Directory.CreateTempSubdirectory("modelanalyzers-usage-").FullName;
        string bad = Path.Combine(directory, name);
        File.WriteAllText(bad, content);

        var audit = await AuditAsync("--usage", bad, "--usage", UsageApi);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains(expected, audit.Output);
        Assert.Contains("the file is left out", audit.Output);
        Assert.Contains("A full migration saves $395.65/month", audit.Output);
    }

    [Fact]
    public async Task WithUsageFailOnCountsOnlyModelsThatStillHaveTraffic()
    {
        // The demo names retired models; an export in which only gpt-6-luna has traffic does not fail the gate.
        string directory = Directory.CreateTempSubdirectory("modelanalyzers-usage-").FullName;
        string quiet = Path.Combine(directory, "quiet.csv");
        File.WriteAllText(quiet, "date,model,input_tokens,output_tokens,num_model_requests\n2026-10-01,gpt-6-luna,1000,100,3\n");

        var withTraffic = await AuditAsync("--usage", UsageApi, "--fail-on", "retired");
        var withoutTraffic = await AuditAsync("--usage", quiet, "--fail-on", "retired");
        var withoutUsage = await AuditAsync("--fail-on", "retired");

        Assert.Equal(1, withTraffic.ExitCode);
        Assert.Equal(0, withoutTraffic.ExitCode);
        Assert.Equal(1, withoutUsage.ExitCode);
    }
}

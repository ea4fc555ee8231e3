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
    private static readonly string AzureFocus = RepositoryFiles.PathOf("samples/usage/azure-focus-export.csv");

    private readonly PackageFixture _package;

    public UsageTests(PackageFixture package) => _package = package;

    private static string Tool => ModelAuditTool.Path;

    private static Task<CommandResult> AuditAsync(params string[] arguments) =>
        DotNet.RunAsync(Demo, new[] { Tool, ".", "--as-of", AsOf }.Concat(arguments).ToArray());

    /// <summary>The JSON report of an audit of <paramref name="directory"/> that succeeded, checked against its schema.</summary>
    private static async Task<JsonDocument> JsonReportAsync(string directory, params string[] arguments)
    {
        string output = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.json");
        var audit = await DotNet.RunAsync(directory, new[] { Tool, ".", "--as-of", AsOf, "--format", "json", "--output", output }.Concat(arguments).ToArray());
        Assert.True(audit.ExitCode == 0, audit.ToString());
        var report = JsonDocument.Parse(File.ReadAllText(output));
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/cli-report.schema.json")));
        Assert.Empty(SchemaCheck.Errors(schema.RootElement, report.RootElement, "$"));
        return report;
    }

    private static Dictionary<string, JsonElement> ModelsOf(JsonDocument report) =>
        report.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!);

    [Fact]
    public async Task TheUsageApiExportIsPricedPerModelAndInTotal()
    {
        using var report = await JsonReportAsync(Demo, "--usage", UsageApi);
        var models = ModelsOf(report);

        // gpt-4 ran as gpt-4-0613: 2 x 10M input, 2 x 2M output over 60 days. At $30/$60: 600 + 240 = $840. At the
        // suggested gpt-6.2-sol ($2/$10): 40 + 40 = $80. (840 - 80) over 60 days = $380 a month.
        var gpt4 = models["gpt-4"].GetProperty("usage");
        Assert.Equal(new[] { "gpt-4-0613" }, gpt4.GetProperty("exportedAs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((20_000_000L, 0L, 4_000_000L, 8_000L), (gpt4.GetProperty("inputTokens").GetInt64(), gpt4.GetProperty("cachedInputTokens").GetInt64(), gpt4.GetProperty("outputTokens").GetInt64(), gpt4.GetProperty("requests").GetInt64()));
        Assert.Equal((840.0, 80.0, 380.0), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("projectedCostUsd").GetDouble(), gpt4.GetProperty("monthlySavingUsd").GetDouble()));

        // gpt-4o: 8M input of which 2M cached, 2M output. Cached input at the cached price: 6 x 2.5 + 2 x 1.25 + 2 x 10 =
        // $37.50; at gpt-6.2-sol: 6 x 2 + 2 x 0.1 + 2 x 10 = $32.20; (37.5 - 32.2) / 2 = $2.65 a month.
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
        Assert.Contains("usage with no audited site: gpt-4.1-mini (exported as gpt-4.1-mini-2025-04-14) (4,000,000 input, 1,000,000 output tokens, $3.20)", console.Output);
        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        string text = File.ReadAllText(markdownFile);
        Assert.Contains("| `gpt-4 (exported as gpt-4-0613)` | 2026-09-01 to 2026-10-30 | 20,000,000 | 0 | 4,000,000 | 8,000 | $840.00 | gpt-6.2-sol | $80.00 | $380.00 * |", text);
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
        Assert.Equal(("gpt-6.2-sol", 380.0, 1), (gpt4.GetProperty("target").GetString(), gpt4.GetProperty("modelMonthlySavingUsd").GetDouble(), gpt4.GetProperty("modelSites").GetInt32()));
    }

    [Fact]
    public async Task TheDashboardCsvIsReadToo()
    {
        using var report = await JsonReportAsync(Demo, "--usage", DashboardCsv);
        var gpt4 = ModelsOf(report)["gpt-4"].GetProperty("usage");

        // Two daily rows (2026-10-01 and -02: a two-day period): 650k in, 130k out. $19.50 + $7.80 = $27.30 at gpt-4's
        // prices, $1.30 + $1.30 = $2.60 at gpt-6.2-sol's; $24.70 in two days is $370.50 a month.
        Assert.Equal(("2026-10-01", "2026-10-03"), (gpt4.GetProperty("from").GetString(), gpt4.GetProperty("to").GetString()));
        Assert.Equal((27.3, 2.6, 370.5), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("projectedCostUsd").GetDouble(), gpt4.GetProperty("monthlySavingUsd").GetDouble()));
    }

    [Theory]
    [InlineData("bad.csv", "date,model,input_tokens\n2026-10-01,gpt-4,many\n", "bad.csv: line 2: 'input_tokens' must be a whole number, found 'many'")]
    [InlineData("nocolumn.csv", "date,name,tokens\n2026-10-01,gpt-4,5\n", "nocolumn.csv: line 1: no 'model' column")]
    [InlineData("cut.json", "{ \"object\": \"page\", \"data\": [ { \"start_time\": 1", "cut.json(1,")]
    [InlineData("ungrouped.json", """{ "object": "page", "data": [ { "start_time": 1788220800, "end_time": 1790812800, "results": [ { "input_tokens": 5, "output_tokens": 1, "num_model_requests": 1, "model": null } ] } ] }""", "no 'model': export with group_by=model")]
    [InlineData("empty.csv", "", "empty.csv: the file is empty")]
    [InlineData("focus-nometer.csv", "ChargePeriodStart,BilledCost,ConsumedQuantity\n2026-10-01,1.0,5\n", "focus-nometer.csv: line 1: no 'x_SkuMeterName' column")]
    [InlineData("focus-quantity.csv", "ChargePeriodStart,BilledCost,x_SkuMeterName,ConsumedQuantity,ConsumedUnit\n2026-10-01,1.0,gpt-4o-0806-Inp-glbl,lots,1M Tokens\n", "focus-quantity.csv: line 2: 'ConsumedQuantity' must be a number of at least 0, found 'lots'")]
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

    [Fact]
    public async Task AnAzureFocusExportIsMappedByMeterAndComparedWithTheBill()
    {
        using var report = await JsonReportAsync(Demo, "--usage", AzureFocus);
        var models = ModelsOf(report);

        // gpt-4 on meters "gpt-4-0613-Input/Output-regional" in 1K tokens over two days: 300 + 350 and 60 + 70. The same
        // tokens as the dashboard sample ($27.30 at list prices, $370.50 a month saved); the bill says $25.94 (a
        // discount): the catalog prices it 5.2% higher.
        var gpt4 = models["gpt-4"].GetProperty("usage");
        Assert.Equal((650_000L, 130_000L), (gpt4.GetProperty("inputTokens").GetInt64(), gpt4.GetProperty("outputTokens").GetInt64()));
        Assert.Equal((27.3, 25.94, 5.2, 370.5), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("exportedCost").GetDouble(),
            gpt4.GetProperty("exportedCostDifferencePercent").GetDouble(), gpt4.GetProperty("monthlySavingUsd").GetDouble()));

        // Azure's spelling gpt-35-turbo is gpt-3.5-turbo: 2M in, 400k out over two days: $1.60; at gpt-6-luna $0.40;
        // $1.20 in two days is $18 a month.
        var turbo = models["gpt-3.5-turbo"].GetProperty("usage");
        Assert.Equal((2_000_000L, 1.6, 18.0), (turbo.GetProperty("inputTokens").GetInt64(), turbo.GetProperty("costUsd").GetDouble(), turbo.GetProperty("monthlySavingUsd").GetDouble()));

        // gpt-4o: the cached-input meter counts as input priced as cached: 2M x 2.5 + 1M x 1.25 + 0.5M x 10 = $11.25; at
        // gpt-6.2-sol 2 x 2 + 1 x 0.1 + 0.5 x 10 = $9.10; $2.15 in one day is $64.50 a month. Total 370.5 + 18 + 64.5.
        var gpt4o = models["gpt-4o"].GetProperty("usage");
        Assert.Equal((3_000_000L, 1_000_000L, 11.25, 64.5), (gpt4o.GetProperty("inputTokens").GetInt64(), gpt4o.GetProperty("cachedInputTokens").GetInt64(),
            gpt4o.GetProperty("costUsd").GetDouble(), gpt4o.GetProperty("monthlySavingUsd").GetDouble()));
        Assert.Equal(453.0, report.RootElement.GetProperty("totals").GetProperty("usageMonthlySavingUsd").GetDouble());

        // Cost Management can write the export gzip-compressed: the same figures from the .csv.gz.
        string compressed = Path.Combine(Directory.CreateTempSubdirectory("modelanalyzers-usage-").FullName, "azure-focus-export.csv.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(compressed), System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(File.ReadAllBytes(AzureFocus));
        }

        using var fromGzip = await JsonReportAsync(Demo, "--usage", compressed);
        Assert.Equal(453.0, fromGzip.RootElement.GetProperty("totals").GetProperty("usageMonthlySavingUsd").GetDouble());

        // A deployment the demo does not call runs gpt-4o-mini by its meter; provisioned throughput is billed by the
        // hour and cannot be priced per token; the storage row and the purchase are not model traffic at all.
        var unmatched = Assert.Single(report.RootElement.GetProperty("unmatchedUsage").EnumerateArray());
        Assert.Equal(("gpt-4o-mini", "support-answers", 0.6, -9.1), (unmatched.GetProperty("model").GetString(), unmatched.GetProperty("exportedAs")[0].GetString(),
            unmatched.GetProperty("costUsd").GetDouble(), unmatched.GetProperty("exportedCostDifferencePercent").GetDouble()));
        string unmapped = Assert.Single(report.RootElement.GetProperty("unmappedUsage").EnumerateArray()).GetString()!;
        Assert.Contains("azure-focus-export.csv: line 14: resource 'support-aoai', meter 'Provisioned Managed Global' (24.00 USD): billed in '1 Hour', not in tokens", unmapped);
    }

    [Fact]
    public async Task AzureDeploymentsMapThroughTheOverlayAndFixWorksWithUsage()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            using OpenAI.Chat;

            var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
            var answers = new ChatClient("support-answers", key);
            var triage = new ChatClient("gpt-4", key);
            Console.WriteLine($"{answers}{triage}");
            """);
        project.Write("team.models.json", """{ "deployments": { "support-answers": "gpt-4o-mini" } }""");
        project.Write("Directory.Build.targets", """<Project><ItemGroup><AdditionalFiles Include="team.models.json" /></ItemGroup></Project>""");

        using var report = await JsonReportAsync(project.Directory, "--usage", AzureFocus);
        var fix = await DotNet.RunAsync(project.Directory, Tool, ".", "--as-of", AsOf, "--usage", AzureFocus, "--fix");
        var models = ModelsOf(report);

        // The row's resource id names the deployment the code calls; the overlay says it runs gpt-4o-mini: 4M input
        // tokens at $0.15 = $0.60 against the bill's $0.66; it is not left as usage with no site (gpt-4o and
        // gpt-3.5-turbo are: this project does not call them).
        var answers = models["support-answers"].GetProperty("usage");
        Assert.Equal((4_000_000L, 0.6, 0.66), (answers.GetProperty("inputTokens").GetInt64(), answers.GetProperty("costUsd").GetDouble(), answers.GetProperty("exportedCost").GetDouble()));
        Assert.Equal(new[] { "gpt-3.5-turbo", "gpt-4o" }, report.RootElement.GetProperty("unmatchedUsage").EnumerateArray().Select(u => u.GetProperty("model").GetString()).Order());

        // --fix with --usage rewrites the code (the audit before it is priced the same way).
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("A full migration saves $370.50/month at the exported traffic", fix.Output);
        Assert.DoesNotContain("\"gpt-4\"", project.Read("Program.cs"));
        Assert.Contains("\"support-answers\"", project.Read("Program.cs"));
    }

    [Fact]
    public async Task ImageUsageIsCountedInImagesAndNotPricedFromTokens()
    {
        string directory = Directory.CreateTempSubdirectory("modelanalyzers-usage-").FullName;
        string images = Path.Combine(directory, "images.json");
        File.WriteAllText(images, """
            { "object": "page", "data": [ { "object": "bucket", "start_time": 1788220800, "end_time": 1788307200, "results": [
              { "object": "organization.usage.images.result", "images": 120, "num_model_requests": 40, "size": null, "source": null, "model": "gpt-image-1" } ] } ] }
            """);

        using var report = await JsonReportAsync(Demo, "--usage", images);
        var usage = Assert.Single(report.RootElement.GetProperty("unmatchedUsage").EnumerateArray());
        Assert.Equal(("gpt-image-1", 120L, "images", 40L), (usage.GetProperty("model").GetString(), usage.GetProperty("units").GetInt64(), usage.GetProperty("unitName").GetString(), usage.GetProperty("requests").GetInt64()));
        Assert.Equal(JsonValueKind.Null, usage.GetProperty("costUsd").ValueKind);
    }

    [Fact]
    public async Task TheBillIsComparedOnlyWithTheTokensItPaidFor()
    {
        // The Usage API export adds gpt-4 tokens without a cost; the FOCUS export's $25.94 paid for its own 650k/130k
        // tokens only ($27.30 at catalog prices): the comparison stays +5.2%, not the whole $867.30 against $25.94.
        using var report = await JsonReportAsync(Demo, "--usage", AzureFocus, "--usage", UsageApi);
        var gpt4 = ModelsOf(report)["gpt-4"].GetProperty("usage");

        Assert.Equal((867.3, 25.94, 27.3, 5.2), (gpt4.GetProperty("costUsd").GetDouble(), gpt4.GetProperty("exportedCost").GetDouble(),
            gpt4.GetProperty("exportedCostAtCatalogUsd").GetDouble(), gpt4.GetProperty("exportedCostDifferencePercent").GetDouble()));
    }
}

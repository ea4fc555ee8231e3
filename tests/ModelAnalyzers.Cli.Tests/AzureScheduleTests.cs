using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.CatalogUpdate;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// catalog update --azure-schedule (issue 34): Microsoft's retirement schedule page read from the real copy and from
/// newer pages of the same shape; only news is written, an older page never moves the data back, a changed page is
/// refused with its line, and the overlay it writes changes what Azure deployments are judged by.
/// </summary>
public sealed class AzureScheduleTests : IDisposable
{
    private static readonly string RealPage = Path.Combine(RepositoryFiles.Root, "..", "shared", "feeds", "azure-model-retirement-schedule.md");

    private readonly string _directory = Directory.CreateTempSubdirectory("azure-schedule-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Page(string msDate, params string[] rows) =>
        $"---\ntitle: include file\nms.date: {msDate}\n---\n\n## Foundry Models sold by Azure\n\n### Azure OpenAI\n\n"
        + "| Model | Version | Lifecycle | Retirement date | Replacement |\n|-------|---------|-----------|-----------------|-------------|\n"
        + string.Concat(rows.Select(r => r + "\n"))
        + "\n#### Fine-tuned models\n\n| Model | Version | Training retirement date | Deployment retirement date |\n|---|---|---|---|\n| gpt-4.1 | 2025-04-14 | No earlier than 2027-04-14 | 2027-10-14 |\n";

    [Fact]
    public void TheRealPageIsReadWhole()
    {
        var (rows, date) = AzureSchedule.Read(RealPage, File.ReadAllText(RealPage));

        Assert.Equal(new DateTime(2026, 7, 7), date);
        Assert.Contains(rows, r => r is { Model: "gpt-4o-mini", Version: "2024-07-18", Lifecycle: "Deprecated", Replacement: "gpt-4.1-mini" } && r.RetiresOn == new DateTime(2026, 10, 1));
        Assert.Contains(rows, r => r is { Model: "tts", Version: "001", Lifecycle: "Preview" });
        Assert.DoesNotContain(rows, r => r.Model.StartsWith("grok", StringComparison.Ordinal) || r.Model.StartsWith("DeepSeek", StringComparison.Ordinal)); // other providers' tables
        Assert.Equal(rows.Count, rows.Select(r => (r.Model, r.Version)).Distinct().Count());
    }

    [Fact]
    public void TheRealPageIsOlderThanTheDataSoNothingMovesBack()
    {
        var (rows, date) = AzureSchedule.Read(RealPage, File.ReadAllText(RealPage));
        var (entries, changes, conflicts) = AzureScheduleImport.Build(ModelCatalog.BuiltIn, rows, "the page", date);

        Assert.Empty(entries);
        Assert.Empty(changes);
        Assert.Contains("o3 2025-04-16: the page says retires 2026-10-21 -> 2026-10-16; the data's values are kept (the page, ms.date 2026-07-07, is not newer than the data's source, ms.date 2026-07-23)", conflicts);
    }

    [Fact]
    public async Task ANewerPageWritesOnlyItsNewsAndTheDeploymentsAreJudgedByIt()
    {
        string page = Path.Combine(_directory, "schedule.md");
        File.WriteAllText(page, Page(
            "12/01/2026",
            "| gpt-5.5 | 2026-04-24 | Deprecated | 2027-01-10 | gpt-6 |",
            "| gpt-4o-mini | 2024-07-18 | Deprecated | 2026-10-01 | gpt-4.1-mini |",
            "| gpt-6 | 2026-11-02 | GA | 2027-11-02 | — |"));
        string overlay = Path.Combine(_directory, "modelanalyzers.models.json");
        File.WriteAllText(overlay, """{ "deployments": { "chat": "gpt-4o" }, "models": [ { "id": "acme-large", "kind": "chat" } ] }""");
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = await CatalogCommand.RunAsync(new CatalogUpdateOptions(null, null, null, false, null, overlay, false, page), output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("2 Azure schedule change(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("gpt-5.5 2026-04-24: retires 2027-04-23 -> 2027-01-10, lifecycle GA -> Deprecated, replacement none -> gpt-6", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("gpt-6 2026-11-02: added (GA, retires 2027-11-02)", output.ToString(), StringComparison.Ordinal);
        string written = File.ReadAllText(overlay);
        Assert.DoesNotContain("gpt-4o-mini", written, StringComparison.Ordinal); // the data already says so: not news
        Assert.Contains("\"acme-large\"", written, StringComparison.Ordinal); // the team's own entry stays
        Assert.Contains("\"chat\":\"gpt-4o\"", written.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var problems = new List<OverlayProblem>();
        var catalog = CatalogOverlay.Apply(ModelCatalog.BuiltIn, new[] { (overlay, SourceText.From(written)) }, problems);
        Assert.Empty(problems);
        var before = AzureVersionJudge.Judge(ModelCatalog.BuiltIn.Azure, ModelCatalog.BuiltIn, "gpt-5.5", "2026-04-24", "GlobalStandard", new DateTime(2027, 1, 11), windowDays: null);
        var after = AzureVersionJudge.Judge(catalog.Azure, catalog, "gpt-5.5", "2026-04-24", "GlobalStandard", new DateTime(2027, 1, 11), windowDays: null);
        Assert.Equal(AzureDeploymentStatus.Retiring, before!.Status);
        Assert.Equal(AzureDeploymentStatus.Retired, after!.Status);
        Assert.Equal(("gpt-6", "2026-11-02"), (after.TargetModel, after.TargetVersion)); // Azure's named replacement, now known

        // A second run with the same page changes nothing.
        var again = new StringWriter();
        Assert.Equal(0, await CatalogCommand.RunAsync(new CatalogUpdateOptions(null, null, null, false, null, overlay, false, page), again, new StringWriter()));
        Assert.Contains("is up to date", again.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Some other page\n\n| a | b |\n", "no \"### Azure OpenAI\" section")]
    [InlineData("### Azure OpenAI\n\n| Model | Version | Status |\n|---|---|---|\n", "(3): expected the columns Model | Version | Lifecycle | Retirement date | Replacement")]
    [InlineData("### Azure OpenAI\n\n| Model | Version | Lifecycle | Retirement date | Replacement |\n|---|---|---|---|---|\n| gpt-5 | 2025-08-07 | GA | Feb 2027 | — |\n", "(5): 'Feb 2027' is not a retirement date")]
    [InlineData("### Azure OpenAI\n\n| Model | Version | Lifecycle | Retirement date | Replacement |\n|---|---|---|---|---|\n| gpt-5 | 2025-08-07 | Sunset | 2027-02-06 | — |\n", "(5): unknown lifecycle 'Sunset'")]
    [InlineData("### Azure OpenAI\n\n| Model | Version | Lifecycle | Retirement date | Replacement |\n|---|---|---|---|---|\n| gpt-5 | 2025-08-07 | GA |\n", "(5): expected 5 cells, found 3")]
    [InlineData("### Azure OpenAI\n\n| Model | Version | Lifecycle | Retirement date | Replacement |\n|---|---|---|---|---|\n\nNo rows.\n", "has no table rows")]
    public async Task AChangedPageIsRefusedWithItsLineAndNothingIsWritten(string text, string why)
    {
        string page = Path.Combine(_directory, "schedule.md");
        File.WriteAllText(page, text);
        string overlay = Path.Combine(_directory, "modelanalyzers.models.json");
        var error = new StringWriter();

        int exit = await CatalogCommand.RunAsync(new CatalogUpdateOptions(null, null, null, false, null, overlay, false, page), new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains(why, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing was written", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(overlay));
    }

    [Fact]
    public void AnUndatedPageKeepsTheDataOnConflicts()
    {
        var (rows, date) = AzureSchedule.Read("page", Page("not a date", "| gpt-5.5 | 2026-04-24 | GA | 2027-01-10 | — |", "| gpt-6 | 2026-11-02 | GA | 2027-11-02 | — |"));
        var (entries, changes, conflicts) = AzureScheduleImport.Build(ModelCatalog.BuiltIn, rows, "page", date);

        Assert.Null(date);
        Assert.Equal(new[] { "gpt-6 2026-11-02: added (GA, retires 2027-11-02)" }, changes); // news without a conflict is taken
        Assert.Single(entries);
        Assert.StartsWith("gpt-5.5 2026-04-24: the page says retires 2027-04-23 -> 2027-01-10; the data's values are kept (the page, undated,", Assert.Single(conflicts), StringComparison.Ordinal);
    }
}

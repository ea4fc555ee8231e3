using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0902, stale model data: reported once per compilation when the as-of date is more than the configured number
/// of days past the data's date; quiet within the limit or when off; an overlay's asOf moves the data's date forward.
/// </summary>
public class MDL0902StaleDataTests
{
    private const string RetiredSite = "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-4\"|}); }";

    [Fact]
    public Task StaleDataIsReportedOnceWhenTheAsOfDateIsFarPastTheCatalog() => AnalyzerTest.VerifyAsync(
        RetiredSite,
        editorConfig: "model_analyzers.as_of_date = 2027-06-01",
        expected: AnalyzerTest.Diagnostic("MDL0902").WithNoLocation().WithArguments(
            "The model data is from 2026-12-07, 176 days before the as-of date 2027-06-01: models, prices and shutdowns announced since then are not known. Update the ModelAnalyzers package, or refresh a *.models.json overlay and set its \"asOf\"; 'model_analyzers.catalog_age_warning_days = off' turns this off"));

    [Theory]
    [InlineData("model_analyzers.as_of_date = 2027-02-02")] // 60 days: not more than the default
    [InlineData("model_analyzers.as_of_date = 2027-06-01\nmodel_analyzers.catalog_age_warning_days = off")]
    [InlineData("model_analyzers.as_of_date = 2027-06-01\nmodel_analyzers.catalog_age_warning_days = 200")]
    public Task StaleDataIsQuietWithinTheLimitOrWhenOff(string options) => AnalyzerTest.VerifyAsync(RetiredSite, editorConfig: options);

    [Fact]
    public async Task AnOverlaysAsOfMovesTheDataDateForward()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }", "model_analyzers.as_of_date = 2027-06-01");
        Assert.Contains(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0902");

        var refreshed = Workbench.WithAdditionalFile(document, "modelanalyzers.models.json", """{ "asOf": "2027-05-20", "models": [] }""");
        Assert.DoesNotContain(await Workbench.AnalyzeAsync(refreshed), d => d.Id == "MDL0902");

        var older = Workbench.WithAdditionalFile(document, "modelanalyzers.models.json", """{ "asOf": "2026-01-01", "models": [] }""");
        Assert.Contains(await Workbench.AnalyzeAsync(older), d => d.Id == "MDL0902");
    }
}

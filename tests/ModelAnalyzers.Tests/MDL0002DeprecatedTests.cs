using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0002, the model is deprecated: its shutdown is scheduled. Reported with the date and a live target (the card's
/// cheap targets are offered with their own dates, never once retired), fixed one site and all at once, limited by
/// model_analyzers.deprecation_window_days, and not reported once the date has passed (that is MDL0001).
/// </summary>
public class MDL0002DeprecatedTests
{
    [Fact]
    public Task AScheduledShutdownIsReportedWithItsDate() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"gpt-5-mini\"|}); }",
        expected: AnalyzerTest.Diagnostic("MDL0002").WithLocation(0).WithMessage(null));

    // The same tier's longest-lived live model (the fixed code carries no diagnostic: the target is neither deprecated
    // nor retired at the date).
    [Fact]
    public Task TheFixMovesEverySiteAndTheTargetIsLive() => AnalyzerTest.VerifyFixAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|MDL0002:"gpt-5-mini"|});
                _ = c.GetChatClient({|MDL0002:"gpt-5-mini"|});
            }
        }
        """,
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-5.4-mini");
                _ = c.GetChatClient("gpt-5.4-mini");
            }
        }
        """,
        AnalyzerTest.Recommended);

    [Theory]
    [InlineData("2026-12-07", "30", false)] // 2026-12-11 is 4 days away: inside a 30-day window
    [InlineData("2026-10-01", "30", true)] // 71 days away: outside it
    [InlineData("2026-10-01", "90", false)]
    public Task TheWindowLimitsHowEarlyItIsReported(string asOf, string window, bool silent)
    {
        string site = silent ? "\"gpt-5-mini\"" : "{|MDL0002:\"gpt-5-mini\"|}";
        return AnalyzerTest.VerifyAsync(
            $"class C {{ object M(OpenAI.OpenAIClient c) => c.GetChatClient({site}); }}",
            editorConfig: $"model_analyzers.as_of_date = {asOf}\nmodel_analyzers.deprecation_window_days = {window}");
    }

    [Fact]
    public Task AfterTheShutdownItIsRetiredNotDeprecated() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-5-mini\"|}); }",
        editorConfig: "model_analyzers.as_of_date = 2026-12-11");
}

using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0001, the model is retired: reported at each literal that reaches a site once its shutdown date has passed,
/// fixed to the recommendation (one site and Fix All), never for a live model, a string no site reads, an allowed
/// model, or before the date. The per-SDK and per-shape classes test where the literal can be.
/// </summary>
public class MDL0001RetiredTests
{
    [Fact]
    public Task ARetiredModelIsReportedWithItsDateAndTheRecommendation() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"gpt-4\"|}); }",
        expected: AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
            "'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices"));

    [Fact]
    public Task TheFixMovesEachSiteToItsOwnRecommendation() => AnalyzerTest.VerifyFixAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|MDL0001:"gpt-4"|});
                _ = c.GetChatClient({|MDL0001:"gpt-3.5-turbo"|});
                _ = c.GetEmbeddingClient({|MDL0001:"text-search-davinci-doc-001"|});
            }
        }
        """,
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-6.2-sol");
                _ = c.GetChatClient("gpt-6-luna");
                _ = c.GetEmbeddingClient("text-embedding-3-small");
            }
        }
        """,
        AnalyzerTest.Recommended);

    [Fact]
    public Task NotForLiveModelsStringsNoSiteReadsOrAllowedModels() => AnalyzerTest.VerifyAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-6-luna");
                System.Console.WriteLine("gpt-4");
                var label = "gpt-3.5-turbo";
                _ = label.Length;
                _ = c.GetChatClient("o1");
            }
        }
        """,
        editorConfig: "model_analyzers.allowed_models = o1");

    [Theory]
    [InlineData("2026-10-22", "MDL0002")] // the day before OpenAI's shutdown: scheduled
    [InlineData("2026-10-23", "MDL0001")] // from the shutdown date on: retired
    [InlineData("2029-01-01", "MDL0001")]
    public Task TheShutdownDateDecides(string asOf, string rule) => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"gpt-4-turbo\"|}); }",
        editorConfig: $"model_analyzers.as_of_date = {asOf}\nmodel_analyzers.catalog_age_warning_days = off",
        expected: AnalyzerTest.Diagnostic(rule).WithLocation(0).WithMessage(null));
}

using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0003, a cheaper model of equal or better capability exists: an Info diagnostic whose message gives the saving,
/// fixed to the cheaper model; never for the cheapest live model of its tier, never offering a costlier one, and never
/// for a model that is retired or deprecated (MDL0001/MDL0002 say more).
/// </summary>
public class MDL0003CostlierTests
{
    [Fact]
    public Task ACostlierModelIsReportedWithTheSaving() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"gpt-5.4\"|}); }",
        expected: AnalyzerTest.Diagnostic("MDL0003").WithLocation(0).WithMessage(null));

    [Fact]
    public Task TheFixMovesToTheCheaperModel() => AnalyzerTest.VerifyFixAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|MDL0003:"gpt-5.4"|});
                _ = c.GetChatClient({|MDL0003:"gpt-5.4"|});
            }
        }
        """,
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-6.2-sol");
                _ = c.GetChatClient("gpt-6.2-sol");
            }
        }
        """,
        AnalyzerTest.Recommended);

    [Fact]
    public Task NotForTheCheapestLiveModelsOrRetiredOnes() => AnalyzerTest.VerifyAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-6-luna");
                _ = c.GetEmbeddingClient("text-embedding-3-small");
                _ = c.GetChatClient({|MDL0001:"gpt-4"|});
            }
        }
        """);
}

using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>MDL0005 for near misses of known ids, and fine-tuned ids judged by their base model.</summary>
public class MDL0005SpellingTests
{
    [Theory]
    [InlineData("gpt4o-mini", "gpt-4o-mini")]
    [InlineData("GPT-4O-MINI", "gpt-4o-mini")]
    [InlineData("gpt-4o_mini", "gpt-4o-mini")]
    [InlineData("gpt-35-turbo", "gpt-3.5-turbo")]
    [InlineData("gpt-5-mimi", "gpt-5-mini")]
    [InlineData("gtp-6-luna", "gpt-6-luna")]
    [InlineData("text-embeding-3-small", "text-embedding-3-small")]
    public void NearMissesSuggestTheKnownId(string typo, string meant)
    {
        Assert.Equal(meant, ModelSpelling.Suggest(ModelCatalog.BuiltIn, typo)?.Id);
    }

    [Theory]
    [InlineData("gpt-5.7")] // a newer version, not a typo: digits must match
    [InlineData("gpt-4o-mini-prod")] // a custom deployment name
    [InlineData("my-chat-deployment")]
    [InlineData("gpt")]
    [InlineData("gpt-5-nano-mini")]
    public void FarValuesAndNewVersionsStaySilent(string value)
    {
        Assert.Null(ModelSpelling.Suggest(ModelCatalog.BuiltIn, value));
    }

    [Fact]
    public Task TyposAreReportedAndFixAllAppliesEachOwnSuggestion()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class C
                {
                    void M(OpenAI.OpenAIClient c)
                    {
                        _ = c.GetChatClient({|#0:"gpt-6-lnua"|});
                        _ = c.GetEmbeddingClient({|#1:"text-embedding-3_small"|});
                        _ = c.GetChatClient("my-chat-deployment");
                    }
                }
                """,
            FixedCode = """
                class C
                {
                    void M(OpenAI.OpenAIClient c)
                    {
                        _ = c.GetChatClient("gpt-6-luna");
                        _ = c.GetEmbeddingClient("text-embedding-3-small");
                        _ = c.GetChatClient("my-chat-deployment");
                    }
                }
                """,
            CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.SpellingEquivalenceKey,
        };
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0005").WithLocation(0).WithArguments("'gpt-6-lnua' is not a known model id; did you mean 'gpt-6-luna'?"));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0005").WithLocation(1).WithArguments("'text-embedding-3_small' is not a known model id; did you mean 'text-embedding-3-small'?"));
        return test.RunAsync();
    }

    [Fact]
    public Task SuggestionThatIsItselfRetiredSaysSo() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"gpt-35-turbo\"|}); }",
        expected: AnalyzerTest.Diagnostic("MDL0005").WithLocation(0).WithArguments(
            "'gpt-35-turbo' is not a known model id; did you mean 'gpt-3.5-turbo'? (note: it was shut down on 2026-10-23)"));

    [Fact]
    public Task FineTunesAreJudgedByTheirBaseModelWithoutAnAutomaticFix() => AnalyzerTest.VerifyAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|#0:"ft:gpt-3.5-turbo-0125:acme::9aXb2"|});
                _ = c.GetChatClient({|#1:"ft:gpt-4o-mini-2024-07-18:acme:support:Q1w2"|});
                _ = c.GetChatClient("ft:gpt-6-luna:acme::x1");
            }
        }
        """,
        expected: new[]
        {
            AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
                "'ft:gpt-3.5-turbo-0125:acme::9aXb2' is a fine-tune of 'gpt-3.5-turbo-0125', which was shut down on 2026-10-23: requests to it fail; retrain it on a current model (OpenAI names 'gpt-5.6-terra')"),
            AnalyzerTest.Diagnostic("MDL0002").WithLocation(1).WithArguments(
                "'ft:gpt-4o-mini-2024-07-18:acme:support:Q1w2' is a fine-tune of 'gpt-4o-mini-2024-07-18', which shuts down on 2027-01-14; retrain it on a current model (OpenAI names 'gpt-6-luna')"),
        });

    [Fact]
    public Task AllowedValuesAreNotTypos() => AnalyzerTest.VerifyAsync(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt4o-mini\"); }",
        editorConfig: "model_analyzers.allowed_models = gpt4o-mini");
}

using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Team policy options: chosen replacements, allow-list, deprecation window and money per month.</summary>
public class PolicyOptionsTests
{
    private const string Sites = """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|#0:"gpt-4"|});
                _ = c.GetChatClient({|#1:"gpt-4o-mini"|});
                _ = c.GetChatClient({|#2:"gpt-5-mini"|});
            }
        }
        """;

    private static DiagnosticResult At(int location, string id) => AnalyzerTest.Diagnostic(id).WithLocation(location).WithMessage(null);

    [Fact]
    public async Task TeamReplacementIsOfferedFirstAndNamedInTheMessage()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }",
            editorConfig: "model_analyzers.replace.gpt-4 = gpt-6-luna");
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        Assert.Contains("; 'gpt-6-luna' lists 99% lower input and output prices", diagnostic.GetMessage());
        Assert.Equal("Use 'gpt-6-luna' (smaller tier: entry, not flagship; 99% cheaper)", (await Workbench.ActionsAsync(document, diagnostic))[0].Title);
    }

    [Fact]
    public Task AllowedModelsAreNeverFlagged() => AnalyzerTest.VerifyAsync(
        Sites, editorConfig: "model_analyzers.allowed_models = gpt-4, gpt-5-mini", expected: At(1, "MDL0002"));

    [Fact]
    public Task DeprecationWindowKeepsFarShutdownsQuietButCostStillCounts() => AnalyzerTest.VerifyAsync(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-4o-mini");
                _ = c.GetChatClient({|#0:"gpt-4o"|});
                _ = c.GetChatClient({|#1:"gpt-5-mini"|});
            }
        }
        """,
        editorConfig: "model_analyzers.deprecation_window_days = 30",
        // gpt-5-mini shuts down in 7 days; gpt-4o and gpt-4o-mini in 41, outside the window, so they are judged on
        // price alone: a newer flagship costs less than gpt-4o; nothing of gpt-4o-mini's tier costs less than it.
        expected: new[] { At(0, "MDL0003"), At(1, "MDL0002") });

    [Fact]
    public async Task MonthlyVolumesTurnPercentagesIntoDollars()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }",
            editorConfig: "model_analyzers.monthly_input_tokens = 100_000_000\nmodel_analyzers.monthly_output_tokens = 20000000");
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        // gpt-4: 100M x $30 + 20M x $60 = $4,200; gpt-6.2-sol: $200 + $200 = $400; gpt-5.6-sol: $500 + $600 = $1,100.
        Assert.Contains("'gpt-6.2-sol' lists 93% lower input and 83% lower output prices, which saves $3,800/month at the configured token volumes", diagnostic.GetMessage());
        Assert.Contains("OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices, which saves $3,100/month", diagnostic.GetMessage());
        Assert.Equal(
            "Use 'gpt-6.2-sol' (89% cheaper, saves $3,800/month)",
            (await Workbench.ActionsAsync(document, diagnostic))[0].Title);
    }

    [Fact]
    public async Task AnOverlayCanSetATierAndAReleaseDate()
    {
        // acme-pro, a flagship released after gpt-4 and cheaper: a model that does at least as much.
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }", "model_analyzers.as_of_date = 2026-12-04"),
            "modelanalyzers.models.json",
            """{ "models": [ { "id": "acme-pro", "kind": "chat", "tier": "flagship", "released": "2026-11-01", "inputPer1M": 1, "outputPer1M": 2, "contextWindow": 200000, "maxOutput": 32000, "tools": true } ] }""");

        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0001");

        Assert.Contains("'acme-pro' lists 96% lower input and output prices", diagnostic.GetMessage());
        Assert.Equal("acme-pro", FixData.ReadOffers(diagnostic.Properties)[0].Target);
    }

    [Theory]
    [InlineData("2027-01-15", "'gpt-6.2-sol' lists 93% lower input and 83% lower output prices")] // before the scheduled price
    [InlineData("2027-03-01", "'gpt-6.2-sol' lists 96% lower input and 91% lower output prices")] // from 2027-02-01: $1 / $5
    public async Task AnOverlayPriceThatStartsOnADateAppliesFromThatDate(string asOf, string expected)
    {
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }", $"model_analyzers.as_of_date = {asOf}"),
            "modelanalyzers.models.json",
            """{ "models": [ { "id": "gpt-6.2-sol", "prices": [ { "from": "2027-02-01", "inputPer1M": 1, "outputPer1M": 5 } ] } ] }""");

        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0001");

        Assert.Contains(expected, diagnostic.GetMessage());
    }

}

using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0901, what in a catalog overlay (*.models.json) cannot be used: broken JSON at its position, bad entries, fields
/// and deployment mappings each named with what they expect; the rest of the file and the built-in catalog still apply,
/// and no overlay makes the analyzers throw.
/// </summary>
public class MDL0901InvalidOverlayTests
{
    // The test harness does not collect diagnostics located in AdditionalFiles, so MDL0901 is checked on a workspace.
    private static async Task<string[]> AnalyzeWithOverlayAsync(string source, string overlay)
    {
        var document = Workbench.WithAdditionalFile(await Workbench.CreateDocumentAsync(source), "modelanalyzers.models.json", overlay);
        return (await Workbench.AnalyzeAsync(document)).Select(Workbench.Describe).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task BrokenJsonIsReportedAtItsPositionAndTheBuiltInCatalogStillApplies()
    {
        var diagnostics = await AnalyzeWithOverlayAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }",
            "{\n  \"models\": [\n    { \"id\": \"x\", }\n  ]\n}");

        Assert.Equal(2, diagnostics.Length);
        Assert.StartsWith("MDL0001 Consumer.cs(1,62): 'gpt-4' was shut down", diagnostics[0]);
        Assert.Equal("MDL0901 modelanalyzers.models.json(3,18): invalid JSON: expected a property name in double quotes; the file is ignored", diagnostics[1]);
    }

    [Fact]
    public async Task BadEntriesAreReportedAndTheRestOfTheFileApplies()
    {
        var diagnostics = await AnalyzeWithOverlayAsync(
            """
            class C
            {
                void M(OpenAI.OpenAIClient c)
                {
                    _ = c.GetChatClient("acme-small");
                    _ = c.GetChatClient("gpt-4");
                }
            }
            """,
            """
            {
              "models": [
                { "id": "acme-small", "kind": "chat", "inputPerM": 1, "shutdownOn": "2027-02-30", "deprecated": true },
                { "id": "acme-tiny", "kind": "robot" },
                { "id": "acme-new" },
                { "id": "acme-next", "kind": "chat", "replacement": "gpt-7" },
                "gpt-4"
              ],
              "deployments": { "prod": 42 },
              "model": []
            }
            """);

        Assert.Equal(
            new[]
            {
                "MDL0001 Consumer.cs(6,29): 'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices",
                "MDL0002 Consumer.cs(5,29): 'acme-small' is deprecated (shutdown date not announced); OpenAI names no replacement",
                "MDL0901 modelanalyzers.models.json(10,12): unexpected property 'model': expected \"models\" (an array), \"deployments\" (an object), \"azure\" (an array) or \"asOf\" (a date)",
                "MDL0901 modelanalyzers.models.json(3,56): model 'acme-small': unknown property 'inputPerM' (expected one of: id, kind, inputPer1M, cachedInputPer1M, outputPer1M, contextWindow, maxOutput, reasoning, vision, tools, structuredOutputs, snapshotOf, deprecatedOn, deprecated, shutdownOn, shutdownNotBefore, replacement, replacementNote, source, rejectedParameters, acceptsNoReasoning, reasoningOffByDefault, parametersSource, reasoningEfforts, rejectedEfforts, effortsSource, tier, tierSource, released, releasedSource, task, prices); the value is ignored",
                "MDL0901 modelanalyzers.models.json(3,73): model 'acme-small': 'shutdownOn' must be a date as \"yyyy-MM-dd\" or null; the value is ignored",
                "MDL0901 modelanalyzers.models.json(4,34): unknown kind 'robot' (expected one of: chat, reasoning, embedding, image, audio, moderation, video, completion-legacy); the entry is ignored",
                "MDL0901 modelanalyzers.models.json(5,5): model 'acme-new' is not in the catalog, so it needs a \"kind\"; the entry is ignored",
                "MDL0901 modelanalyzers.models.json(6,57): 'gpt-7' is not a model id in the catalog or an overlay; the value is ignored",
                "MDL0901 modelanalyzers.models.json(7,5): a model entry must be an object with a string \"id\"; the entry is ignored",
                "MDL0901 modelanalyzers.models.json(9,28): deployment 'prod' must map to a model id string, or an object with a string \"model\" (and \"version\", \"sku\", \"definedIn\"); the mapping is ignored",
            },
            diagnostics);
    }

    [Fact]
    public async Task ADeploymentObjectWithoutAModelOrWithUnknownFieldsIsReported()
    {
        var diagnostics = await AnalyzeWithOverlayAsync(
            "class C { object M(Azure.AI.OpenAI.AzureOpenAIClient c) => c.GetChatClient(\"chat\"); }",
            """
            { "deployments": {
                "chat": { "version": "0613" },
                "other": { "model": "gpt-4o", "capacity": 10, "sku": 5 },
                "gone": { "model": "gpt-99" } },
              "azure": [ { "name": "x" } ] }
            """);

        Assert.Equal(
            new[]
            {
                "MDL0901 modelanalyzers.models.json(2,13): deployment 'chat' must map to a model id string, or an object with a string \"model\" (and \"version\", \"sku\", \"definedIn\"); the mapping is ignored",
                "MDL0901 modelanalyzers.models.json(3,47): deployment 'other': unexpected property 'capacity' (expected \"model\", \"version\", \"sku\", \"definedIn\"); the value is ignored",
                "MDL0901 modelanalyzers.models.json(3,58): deployment 'other': \"sku\" must be a string; the value is ignored",
                "MDL0901 modelanalyzers.models.json(4,24): 'gpt-99' is not a model id in the catalog or an overlay; the value is ignored",
                "MDL0901 modelanalyzers.models.json(5,14): an Azure model entry must be an object with string \"name\" and \"openAI\"; the entry is ignored",
            },
            diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"models\": {}}")]
    [InlineData("{\"models\": [[[[[[[[[[]]]]]]]]]]}")]
    public async Task HostileOverlaysNeverThrow(string json)
    {
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }"), "x.models.json", json);

        var diagnostics = await Workbench.AnalyzeAsync(document);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == "MDL0001");
    }
    [Fact]
    public async Task AnInvalidTierIsAnOverlayProblem()
    {
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { }"), "modelanalyzers.models.json", """{ "models": [ { "id": "gpt-4o", "tier": "huge" } ] }""");

        var problem = Assert.Single(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0901");

        Assert.Contains("'tier' must be \"entry\", \"mid\", \"flagship\", \"top\" or null", problem.GetMessage());
    }

    [Theory]
    [InlineData("""[ { "inputPer1M": 1 } ]""")]
    [InlineData("""[ { "from": "soon", "inputPer1M": 1 } ]""")]
    [InlineData("""[ { "from": "2027-02-01", "inputPer1M": -1 } ]""")]
    [InlineData("""[ { "from": "2027-02-01", "price": 1 } ]""")]
    [InlineData("""{ "from": "2027-02-01" }""")]
    public async Task AMalformedPriceScheduleIsAnOverlayProblem(string prices)
    {
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { }"), "modelanalyzers.models.json", $$"""{ "models": [ { "id": "gpt-4o", "prices": {{prices}} } ] }""");

        var problem = Assert.Single(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0901");

        Assert.Contains("'prices' must be an array of { \"from\": \"yyyy-MM-dd\"", problem.GetMessage());
    }
}

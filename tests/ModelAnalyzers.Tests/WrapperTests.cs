using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>A team's own wrappers: model-named string parameters and properties outside the SDKs.</summary>
public class WrapperTests
{
    private const string Wrappers = """

        class AiClient
        {
            public AiClient(string model) { }
            public string Ask(string prompt, string modelId = "gpt-4o") => prompt;
            public void Deploy(string deploymentName) { }
            public void Describe(string text) { }
        }

        class AiSettings
        {
            public string Model { get; set; } = "";
            public string ModelName { get; init; } = "";
            public string Label { get; set; } = "";
        }
        """;

    [Fact]
    public Task ModelNamedParametersAndPropertiesAreSites() => AnalyzerTest.VerifyAsync(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            const string Chat = "gpt-4";

            void M()
            {
                var client = new AiClient({|MDL0001:"gpt-3.5-turbo"|});
                client.Ask("hi", modelId: {|MDL0001:"o1"|});
                client.Ask("hi", Chat);
                client.Deploy({|MDL0001:"gpt-35-turbo"|});
                var settings = new AiSettings { Model = {|MDL0001:"gpt-4-turbo"|}, ModelName = {|MDL0001:"o3-mini"|} };
                settings.Model = {|MDL0001:"o4-mini"|};

                // Not sites: other names, unknown ids (no typo guessing in wrappers), SDK test factories and defaults.
                client.Describe("gpt-4");
                settings.Label = "gpt-4";
                settings.Model = "my-fine-model";
                settings.Model = "gpt4o-mini";
                client.Ask("hi");
                OpenAIChatModelFactory.ChatCompletion(model: "gpt-4");
            }
        }
        """ + Wrappers);

    [Fact]
    public Task ConstantsReachWrappersThroughModelNamedArguments() => AnalyzerTest.VerifyAsync(
        """
        class C
        {
            const string ChatModel = {|MDL0001:"gpt-4"|};

            void M() => new AiClient("x").Ask("hi", ChatModel);
        }
        """ + Wrappers);

    [Fact]
    public Task FixMovesAWrapperSiteLikeAnSdkSite() => AnalyzerTest.VerifyFixAsync(
        """
        class C
        {
            void M() => new AiSettings { Model = {|MDL0001:"gpt-4"|} };
        }
        """ + Wrappers,
        """
        class C
        {
            void M() => new AiSettings { Model = {|MDL0002:"gpt-4o-mini"|} };
        }
        """ + Wrappers,
        "gpt-4o-mini");
}

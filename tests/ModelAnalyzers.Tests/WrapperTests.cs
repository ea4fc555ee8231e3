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

    [Fact]
    public Task PrimaryConstructorsAliasesAndCallsTheIndexCannotSeeAreSites() => AnalyzerTest.VerifyAsync(
        """
        using Ai = AiClient;

        record AiRequest(string Prompt, string Model);

        class C
        {
            void M(System.Func<string, string, string> ask)
            {
                _ = new AiRequest("hi", {|MDL0001:"gpt-4"|});
                _ = new Ai({|MDL0001:"o1"|});

                // A local function is not in the declaration index; a model-named argument still makes it a site.
                string Local(string model) => model;
                Local(model: {|MDL0001:"o3-mini"|});
                ask("hi", "gpt-4"); // a delegate's parameters are arg1, arg2: not a wrapper
            }
        }
        """ + Wrappers);

    [Fact]
    public Task StringAndCollectionCallsWithModelIdsAreNotWrappers() => AnalyzerTest.VerifyAsync(
        """
        using System;
        using System.Collections.Generic;

        class C
        {
            decimal M(string name)
            {
                var prices = new Dictionary<string, decimal>();
                prices.Add("gpt-4", 30m);
                _ = name.StartsWith("gpt-4", StringComparison.Ordinal) || string.Equals(name, "o1");
                Console.WriteLine("gpt-4");
                return prices["gpt-4"];
            }
        }
        """ + Wrappers);

    [Fact]
    public async Task WrappersInAReferencedLibraryAreSites()
    {
        var test = new AnalyzerTest();
        test.TestState.AdditionalProjects["Acme.Ai"].Sources.Add("""
            namespace Acme.Ai;

            public sealed class Assistant
            {
                public Assistant(string modelName) => Client = new OpenAI.Chat.ChatClient(modelName, "key");

                public OpenAI.Chat.ChatClient Client { get; }

                public static string Summarize(string text, string model) => text;
            }
            """);
        test.TestState.AdditionalProjectReferences.Add("Acme.Ai");
        test.TestCode = """
            using Acme.Ai;

            class C
            {
                void M()
                {
                    _ = new Assistant({|MDL0001:"gpt-4"|});
                    _ = Assistant.Summarize("text", {|MDL0001:"gpt-3.5-turbo"|});
                }
            }
            """;
        await test.RunAsync();
    }
}

using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Azure OpenAI deployment names (Azure.AI.OpenAI 2.1.0, Semantic Kernel's Azure connector 1.82.0), judged by Azure's dates.</summary>
public class AzureTests
{
    private const string Assumption = " (this assumes the deployment is named after its model; map deployment names to models in a catalog overlay)";

    // The test resolver takes no nearest match, so the versions restore would pick are named for what the mirror lacks.
    private static readonly Microsoft.CodeAnalysis.Testing.ReferenceAssemblies SemanticKernelAzure = AnalyzerTest.WithPackages(
        ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0"), ("Azure.Core", "1.53.0"), ("OpenAI", "2.15.0"), ("System.ClientModel", "1.16.0"),
        ("System.Memory.Data", "10.0.10"), ("Microsoft.Bcl.AsyncInterfaces", "10.0.3"));

    private static AnalyzerTest Test(string source, params (string Id, string Version)[] packages) => new()
    {
        TestCode = source,
        FixedCode = source, // deployments get no automatic fix: renaming one in code does not redeploy it
        ReferenceAssemblies = AnalyzerTest.WithPackages(packages),
    };

    [Fact]
    public Task AzureOpenAIClientDeploymentsAreJudgedByAzureDates()
    {
        var test = Test(
            """
            using System.ClientModel;
            using Azure.AI.OpenAI;

            class C
            {
                void M(string key)
                {
                    var azure = new AzureOpenAIClient(new System.Uri("https://acme.openai.azure.com"), new ApiKeyCredential(key));
                    var legacy = azure.GetChatClient({|#0:"gpt-35-turbo"|});
                    var openAISpelling = azure.GetChatClient({|#1:"gpt-3.5-turbo"|});
                    var perType = azure.GetChatClient({|#2:"gpt-4o"|});
                    var scheduled = azure.GetChatClient({|#3:"gpt-5-mini"|});
                    var custom = azure.GetChatClient("prod-chat");
                    var typo = azure.GetChatClient("gpt4o-mini");
                    var embeddings = azure.GetEmbeddingClient({|#4:"text-embedding-3-small"|});
                }
            }
            """,
            ("Azure.AI.OpenAI", "2.1.0"), ("System.Memory.Data", "6.0.1"));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
            "Azure deployment 'gpt-35-turbo': Azure retired gpt-35-turbo on 2025-07-16 and requests to it fail; Azure suggests gpt-35-turbo (0125) or gpt-4o-mini" + Assumption));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(1).WithArguments(
            "Azure deployment 'gpt-3.5-turbo': Azure retired gpt-35-turbo on 2025-07-16 and requests to it fail; Azure suggests gpt-35-turbo (0125) or gpt-4o-mini" + Assumption));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(2).WithArguments(
            "Azure deployment 'gpt-4o': Azure retired gpt-4o on 2026-10-01 (Standard: 2026-03-31 (auto-upgrade from 2026-03-09); other deployment types: 2026-10-01) and requests to it fail; Azure suggests gpt-5.1" + Assumption));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0002").WithLocation(3).WithArguments(
            "Azure deployment 'gpt-5-mini': Azure retires gpt-5-mini on 2027-02-06" + Assumption));

        // Microsoft's schedule gives version 1 a date of its own (the older table said "no earlier than" for 1 and 2 together).
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0002").WithLocation(4).WithArguments(
            "Azure deployment 'text-embedding-3-small': Azure retires text-embedding-3-small on 2027-04-15" + Assumption));
        return test.RunAsync();
    }

    [Fact]
    public Task SemanticKernelAzureRegistrationsJudgeDeploymentAndModelSeparately() => new AnalyzerTest
    {
        TestCode = """
            #pragma warning disable SKEXP0010
            using Microsoft.SemanticKernel;

            class C
            {
                void M(IKernelBuilder builder, string key)
                {
                    builder.AddAzureOpenAIChatCompletion({|MDL0001:"gpt-35-turbo"|}, "https://acme.openai.azure.com", key);
                    builder.AddAzureOpenAIChatCompletion("prod-chat", "https://acme.openai.azure.com", key, modelId: {|MDL0001:"gpt-4"|});
                    builder.AddAzureOpenAITextToImage("images", "https://acme.openai.azure.com", key, modelId: {|MDL0002:"gpt-image-2"|});
                }
            }
            """,
        FixedCode = """
            #pragma warning disable SKEXP0010
            using Microsoft.SemanticKernel;

            class C
            {
                void M(IKernelBuilder builder, string key)
                {
                    builder.AddAzureOpenAIChatCompletion({|MDL0001:"gpt-35-turbo"|}, "https://acme.openai.azure.com", key);
                    builder.AddAzureOpenAIChatCompletion("prod-chat", "https://acme.openai.azure.com", key, modelId: {|MDL0002:"gpt-4o-mini"|});
                    builder.AddAzureOpenAITextToImage("images", "https://acme.openai.azure.com", key, modelId: {|MDL0002:"gpt-image-2"|});
                }
            }
            """,
        CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini",
        ReferenceAssemblies = SemanticKernelAzure,
    }.RunAsync();

    [Fact]
    public Task NamedArgumentsInAnyOrderAndValuesToFollowBesideLiterals() => new AnalyzerTest
    {
        // Literals passed straight to a site are read from syntax; a call with a site value to follow (the const
        // local) is read from its operations instead, whole: each value is reported once either way.
        TestCode = """
            #pragma warning disable SKEXP0010
            using Microsoft.SemanticKernel;

            class C
            {
                void M(IKernelBuilder builder, string key)
                {
                    builder.AddAzureOpenAIChatCompletion(modelId: {|MDL0001:"gpt-4"|}, apiKey: key, endpoint: "https://acme.openai.azure.com", deploymentName: "prod-chat");
                    const string deployment = {|MDL0001:"gpt-35-turbo"|};
                    builder.AddAzureOpenAIChatCompletion(apiKey: key, modelId: {|MDL0001:"o1"|}, deploymentName: deployment, endpoint: "https://acme.openai.azure.com");
                    builder.AddAzureOpenAIChatCompletion("prod-chat", "https://acme.openai.azure.com", key);
                }
            }
            """,
        ReferenceAssemblies = SemanticKernelAzure,
    }.RunAsync();

    [Fact]
    public Task OptionsAreNotLinkedThroughADeploymentName() => new AnalyzerTest(only: new RequestOptionsAnalyzer())
    {
        TestCode = """
            using System.ClientModel;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;

            class C
            {
                void M(string key, ChatMessage[] messages)
                {
                    var chat = new AzureOpenAIClient(new System.Uri("https://acme.openai.azure.com"), new ApiKeyCredential(key)).GetChatClient("gpt-5-mini");
                    chat.CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.2f });
                }
            }
            """,
        ReferenceAssemblies = AnalyzerTest.WithPackages(("Azure.AI.OpenAI", "2.1.0"), ("System.Memory.Data", "6.0.1")),
    }.RunAsync();

    [Theory]
    [InlineData("gpt-4", "2026-11-23", "MDL0002")] // some versions retired, the rest "no earlier than 2025-06-06"
    [InlineData("gpt-4o", "2026-05-01", "MDL0002")] // Standard retired, other deployment types not yet
    [InlineData("gpt-4o", "2026-10-01", "MDL0001")]
    [InlineData("gpt-5.2", "2026-11-23", null)] // no notice yet
    [InlineData("gpt-35-turbo-instruct", "2026-11-23", null)] // no date known
    [InlineData("my-deployment", "2026-11-23", null)]
    public void DeploymentJudgementFollowsAzureDates(string deployment, string asOf, string? rule)
    {
        var verdict = DeploymentJudge.Judge(ModelCatalog.BuiltIn, AzureCatalog.BuiltIn, deployment, new JudgePolicy(ModelCatalog.ParseDate(asOf)!.Value));
        Assert.Equal(rule, verdict is null ? null : RuleIds.Of(verdict.Kind));
        Assert.Empty(verdict?.Offers ?? Array.Empty<Offer>());
    }

    // Azure's own spellings reaching an Azure connector's model parameter are Azure's models, not typos (issue 34, item 4):
    // Semantic Kernel's Azure connector tests pass modelId: "gpt-35-turbo".
    [Fact]
    public Task AzureSpellingsInAnAzureConnectorsModelParameterAreJudgedOnAzuresCalendar()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                #pragma warning disable SKEXP0010
                using Microsoft.SemanticKernel;

                class C
                {
                    void M(IKernelBuilder builder, string key)
                    {
                        builder.AddAzureOpenAIChatCompletion("prod-chat", "https://acme.openai.azure.com", key, modelId: {|#0:"gpt-35-turbo"|});
                        builder.AddAzureOpenAIChatCompletion("chat-16k", "https://acme.openai.azure.com", key, modelId: {|#1:"gpt-35-turbo-16k"|});
                        builder.AddAzureOpenAIChatCompletion("typo", "https://acme.openai.azure.com", key, modelId: {|#2:"gpt-4o-mnii"|});
                    }
                }
                """,
            ReferenceAssemblies = SemanticKernelAzure,
        };
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
            "Azure model 'gpt-35-turbo': Azure retired gpt-35-turbo on 2025-07-16 and requests to it fail; Azure suggests gpt-35-turbo (0125) or gpt-4o-mini (Azure's name for OpenAI's gpt-3.5-turbo)"));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(1).WithMessage(null));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0005").WithLocation(2).WithMessage(null));
        return test.RunAsync();
    }

    [Fact]
    public Task OutsideAzureAnAzureSpellingIsStillATypoOfTheOpenAIId() => new AnalyzerTest
    {
        TestCode = """
            using OpenAI.Chat;

            class C
            {
                ChatClient M(string key) => new ChatClient({|MDL0005:"gpt-35-turbo"|}, key);
            }
            """,
    }.RunAsync();

    [Fact]
    public void EveryAzureModelNamesAnOpenAIModelTheCatalogKnowsOrIsAzureOnly()
    {
        var unknown = AzureCatalog.BuiltIn.Models.Where(m => ModelCatalog.BuiltIn.Find(m.OpenAI) is null).Select(m => m.OpenAI).Order().ToList();
        // Azure-only or renamed entries; everything else must line up with OpenAI's catalog.
        Assert.All(unknown, id => Assert.Matches("^(gpt-4-32k|gpt-35-turbo-instruct|gpt-4o-mini-audio-preview|gpt-4o-mini-realtime-preview|computer-use-preview|gpt-image-1-mini|gpt-chat-latest|.*-preview.*|ada|babbage|curie|davinci|text-.*|code-.*)$", id));
    }
}

using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Every kind of OpenAI SDK member that takes a model, against the real package versions the mirror serves.</summary>
public class SiteTests
{
    [Theory]
    [InlineData("2.1.0")]
    [InlineData("2.10.0")]
    [InlineData("2.15.0")]
    public Task ClientConstructorsAcrossSdkVersions(string version) => AnalyzerTest.VerifyAsync("""
        using OpenAI.Audio;
        using OpenAI.Chat;
        using OpenAI.Embeddings;
        using OpenAI.Images;
        using OpenAI.Moderations;

        class C
        {
            void M(string key)
            {
                _ = new ChatClient({|MDL0001:"gpt-4"|}, key);
                _ = new ChatClient(apiKey: key, model: {|MDL0001:"gpt-3.5-turbo"|});
                _ = new EmbeddingClient({|MDL0001:"text-search-ada-doc-001"|}, key);
                _ = new ImageClient({|MDL0001:"dall-e-3"|}, key);
                _ = new AudioClient({|MDL0002:"whisper-1"|}, key);
                _ = new ModerationClient({|MDL0001:"text-moderation-latest"|}, key);
            }
        }
        """, version);

    [Theory]
    [InlineData("2.1.0")]
    [InlineData("2.10.0")]
    [InlineData("2.15.0")]
    public Task OpenAIClientFactoriesAcrossSdkVersions(string version) => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        class C
        {
            void M(OpenAIClient client)
            {
                _ = client.GetChatClient({|MDL0001:"o1"|});
                _ = client.GetEmbeddingClient({|MDL0001:"text-similarity-ada-001"|});
                _ = client.GetImageClient({|MDL0001:"gpt-image-1"|});
                _ = client.GetAudioClient({|MDL0002:"tts-1"|});
                _ = client.GetModerationClient({|MDL0001:"text-moderation-stable"|});
            }
        }
        """, version);

    [Fact]
    public Task RealtimeConversationClientOf21() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI002
        using OpenAI;
        using OpenAI.RealtimeConversation;
        using System.ClientModel;

        class C
        {
            void M(OpenAIClient client, ApiKeyCredential key)
            {
                _ = client.GetRealtimeConversationClient({|MDL0001:"gpt-4o-realtime-preview"|});
                _ = new RealtimeConversationClient({|MDL0001:"gpt-4o-realtime-preview-2024-10-01"|}, key);
            }
        }
        """, "2.1.0");

    [Theory]
    [InlineData("2.10.0")]
    [InlineData("2.15.0")]
    public Task ResponsesTakeTheModelPerRequest(string version) => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI001
        using System.Threading.Tasks;
        using OpenAI.Responses;

        class C
        {
            async Task M(ResponsesClient client)
            {
                _ = client.CreateResponse({|MDL0001:"o1"|}, "Hello");
                _ = await client.CreateResponseAsync({|MDL0001:"o3-mini"|}, "Hello");
                _ = client.CreateResponseStreamingAsync({|MDL0001:"o4-mini"|}, "Hello");
                _ = new CreateResponseOptions({|MDL0001:"gpt-4-turbo"|}, new ResponseItem[0]);
                _ = new CreateResponseOptions { Model = {|MDL0001:"gpt-4"|} };
            }
        }
        """, version);

    [Fact]
    public Task RealtimeSessionsTakeTheModelPerSession() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI001, OPENAI002
        using System.Threading.Tasks;
        using OpenAI.Realtime;

        class C
        {
            async Task M(RealtimeClient client)
            {
                using var session = await client.StartConversationSessionAsync({|MDL0001:"gpt-4o-realtime-preview"|});
            }
        }
        """);

    [Fact]
    public Task AssistantsTakeTheModelOnCreateAndModify() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI001
        using OpenAI.Assistants;

        class C
        {
            void M(AssistantClient client)
            {
                _ = client.CreateAssistant({|MDL0001:"gpt-4-turbo"|});
                _ = new AssistantModificationOptions { Model = {|MDL0001:"gpt-4"|} };
                _ = new RunCreationOptions { ModelOverride = {|MDL0002:"gpt-5-mini"|} };
            }
        }
        """);

    [Fact]
    public Task ClientSettingsModelProperty() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable SCME0002
        using OpenAI.Chat;
        using OpenAI.Embeddings;

        class C
        {
            void M()
            {
                var chat = new ChatClientSettings { Model = {|MDL0001:"gpt-4"|} };
                var embeddings = new EmbeddingClientSettings();
                embeddings.Model = {|MDL0001:"text-search-ada-query-001"|};
            }
        }
        """);

    [Fact]
    public Task AliasedAndTargetTypedConstructionsAreSites()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Usings.cs", "global using Embeddings = OpenAI.Embeddings.EmbeddingClient;"));
        test.TestState.Sources.Add(("/0/Test.cs", """
            using Chat = OpenAI.Chat.ChatClient;

            class C
            {
                void M(string key)
                {
                    _ = new Chat({|MDL0001:"gpt-4"|}, key);
                    _ = new Embeddings({|MDL0001:"text-search-ada-doc-001"|}, key);
                    OpenAI.Chat.ChatClient typed = new({|MDL0001:"o1"|}, key);
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ModelManagementFactoriesResponsesAndQueriesAreNotSites() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI001
        using System;
        using OpenAI.Chat;
        using OpenAI.Models;

        class C
        {
            void M(OpenAIModelClient models, ChatCompletion completion)
            {
                _ = models.GetModel("gpt-4");
                _ = models.DeleteModel("gpt-4");
                _ = OpenAIChatModelFactory.ChatCompletion(model: "gpt-4");
                _ = new ChatCompletionCollectionOptions { Model = "gpt-4" };
                if (completion.Model == "gpt-4") { Console.WriteLine("gpt-3.5-turbo"); }
            }
        }
        """);

    [Fact]
    public Task LookAlikeTypesOutsideTheSdkAssemblyAreOnlyWrappers() => AnalyzerTest.VerifyAsync("""
        namespace Acme.OpenAI
        {
            class OpenAIClient
            {
                public object GetChatClient(string model) => model;
                public object GetEmbeddingClient(string name) => name;
            }

            class Uses
            {
                // Not the SDK's GetChatClient: no typo guessing (an SDK site would report MDL0005 here) ...
                object Typo() => new OpenAIClient().GetChatClient("gpt4o-mini");

                // ... and a parameter that is not model-named is nothing at all.
                object Other() => new OpenAIClient().GetEmbeddingClient("text-search-ada-doc-001");

                // A known id reaching a model-named parameter is a wrapper site, judged like any other.
                object Known() => new OpenAIClient().GetChatClient({|MDL0001:"gpt-4"|});
            }
        }
        """);

    [Fact]
    public Task StringsThatNeverReachAModelSiteAreIgnored() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using OpenAI.Chat;

        class C
        {
            static readonly Dictionary<string, decimal> Prices = new() { ["gpt-4"] = 30m, ["o1"] = 15m };
            const string Unused = "gpt-4";

            bool IsLegacy(string model) => model == "gpt-3.5-turbo" || model.StartsWith("gpt-4");

            ChatClient Create(string model, string key) => new ChatClient(model, key);
        }
        """);

    [Fact]
    public Task ActiveModelsWithoutACheaperEqualModelAreSilent() => AnalyzerTest.VerifyAsync("""
        using OpenAI.Chat;

        class C
        {
            void M(string key)
            {
                _ = new ChatClient("gpt-6.1-terra", key);
                _ = new ChatClient("gpt-6-luna", key);
                _ = new ChatClient("my-azure-deployment", key);
            }
        }
        """);

    [Fact]
    public Task GeneratedCodeIsSkipped() => AnalyzerTest.VerifyAsync("""
        // <auto-generated/>
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient("gpt-4", key);
        }
        """);

    [Fact]
    public async Task GeneratedFilesAreSkippedByName()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/Generated/Client.g.cs", "using OpenAI.Chat;\n\nclass G { ChatClient M(string key) => new ChatClient(\"gpt-4\", key); }\n"));
        test.TestState.Sources.Add(("/Client.cs", "using OpenAI.Chat;\n\nclass C { ChatClient M(string key) => new ChatClient({|MDL0001:\"gpt-4\"|}, key); }\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task ProjectsWithoutTheSdkGetNothing()
    {
        var test = new AnalyzerTest
        {
            TestCode = """
                class ChatClientLookAlike { public ChatClientLookAlike(string model, string key) { } }
                class C { ChatClientLookAlike M() => new ChatClientLookAlike("gpt-4", "key"); }
                """,
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };
        return test.RunAsync();
    }
}

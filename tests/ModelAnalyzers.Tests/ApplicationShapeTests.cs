using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The shapes real applications choose models in: options-class defaults, config getters and helpers, agent base
/// classes and classes derived from SDK clients, Betalgo's per-call model id, OpenAI 2.1's realtime transcription.
/// Each literal is reported once, at the literal a fix edits; shapes whose value never reaches a site stay silent.
/// </summary>
public class ApplicationShapeTests
{
    private static readonly (string, string) Betalgo = ("Betalgo.Ranul.OpenAI", "9.2.6");

    [Fact]
    public Task AnOptionsClassDefaultIsReportedAtItsInitializer() => AnalyzerTest.VerifyAsync("""
        using OpenAI.Chat;

        public sealed class AiOptions
        {
            public string ChatModelId { get; set; } = {|MDL0001:"gpt-4"|};
            public string Unused { get; set; } = "gpt-4";   // never read into a site
            public string ApiKey { get; set; } = "";
        }

        class Service
        {
            private readonly ChatClient _chat;

            public Service(AiOptions options)
            {
                _chat = new ChatClient(options.ChatModelId, options.ApiKey);
                var again = new ChatClient(options.ChatModelId, options.ApiKey);   // one literal, one diagnostic
            }
        }
        """);

    [Fact]
    public Task GettersAndHelpersThatPickAModelAreFollowedToTheirFallbacks() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using OpenAI;

        class Settings
        {
            private readonly IDictionary<string, string?> _config;

            public Settings(IDictionary<string, string?> config) => _config = config;

            public string Model => _config["Ai:Model"] ?? {|MDL0001:"gpt-3.5-turbo"|};

            public string Embeddings
            {
                get
                {
                    if (_config.ContainsKey("cheap"))
                    {
                        return {|MDL0001:"text-search-ada-doc-001"|};
                    }

                    return "text-embedding-3-small";
                }
            }

            public static string PickModel(string? requested) => string.IsNullOrEmpty(requested) ? {|MDL0002:"gpt-4o"|} : requested;

            public string Describe() => "gpt-4 was retired";   // free text: never reaches a site
        }

        class Use
        {
            void M(OpenAIClient client, Settings settings, string? requested)
            {
                _ = client.GetChatClient(settings.Model);
                _ = client.GetEmbeddingClient(settings.Embeddings);
                _ = client.GetChatClient(Settings.PickModel(requested));
                System.Console.WriteLine(settings.Describe());
                _ = client.GetChatClient(Local());

                static string Local() => {|MDL0001:"o1"|};
            }
        }
        """);

    [Fact]
    public Task AgentBaseClassesGetTheirModelFromBaseArguments() => AnalyzerTest.VerifyAsync("""
        using OpenAI.Chat;

        abstract class AgentBase
        {
            protected AgentBase(string model) => Chat = new ChatClient(model, "key");

            protected ChatClient Chat { get; }
        }

        class Summarizer : AgentBase
        {
            public Summarizer() : base({|MDL0001:"o4-mini"|}) { }
        }

        class Translator() : AgentBase({|MDL0001:"o3-mini"|});

        class Reviewer : AgentBase
        {
            public Reviewer() : this({|MDL0001:"gpt-4-turbo"|}) { }

            private Reviewer(string model) : base(model) { }
        }
        """);

    [Fact]
    public Task ClassesDerivedFromAnSdkClientPassTheirModelToItsConstructor() => AnalyzerTest.VerifyAsync("""
        using OpenAI.Chat;

        class LegacyChat : ChatClient
        {
            public LegacyChat(string key) : base({|MDL0001:"gpt-4"|}, key) { }
        }

        class PrimaryChat(string key) : ChatClient({|MDL0001:"gpt-3.5-turbo"|}, key);
        """);

    [Fact]
    public Task ShapesThatNeverReachASiteStaySilent() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;

        public sealed class PriceTable
        {
            public string CheapestModel { get; set; } = "gpt-4o-mini";
            public Dictionary<string, decimal> Prices { get; } = new() { ["gpt-4"] = 30m };

            public string Pick(bool cheap) => cheap ? "gpt-4o-mini" : "gpt-4";
            public bool IsLegacy(string model) => model == "gpt-3.5-turbo";
        }

        class Agent
        {
            protected Agent(string name) { }
        }

        class Named : Agent
        {
            public Named() : base("gpt-4") { }   // a parameter that is not model-named and reaches no site
        }

        class Logging
        {
            void M(PriceTable table) => System.Console.WriteLine(table.Pick(true) + table.CheapestModel);
            PriceTable Row() => new PriceTable { CheapestModel = "gpt-4" };   // an assignment that reaches no site
        }
        """);

    [Fact]
    public Task TheFixEditsTheDefaultTheFallbackAndTheBaseArgument() => AnalyzerTest.VerifyFixAsync("""
        using OpenAI.Chat;

        public sealed class AiOptions
        {
            public string ChatModelId { get; set; } = {|MDL0001:"gpt-4"|};
            public string Fallback => System.Environment.GetEnvironmentVariable("MODEL") ?? {|MDL0001:"gpt-4"|};
        }

        abstract class AgentBase
        {
            protected AgentBase(string model) => Chat = new ChatClient(model, "key");

            protected ChatClient Chat { get; }
        }

        class Summarizer : AgentBase
        {
            public Summarizer() : base({|MDL0001:"gpt-4"|}) { }
        }

        class Use
        {
            void M(AiOptions options)
            {
                _ = new ChatClient(options.ChatModelId, "key");
                _ = new ChatClient(options.Fallback, "key");
            }
        }
        """, """
        using OpenAI.Chat;

        public sealed class AiOptions
        {
            public string ChatModelId { get; set; } = "gpt-6.2-sol";
            public string Fallback => System.Environment.GetEnvironmentVariable("MODEL") ?? "gpt-6.2-sol";
        }

        abstract class AgentBase
        {
            protected AgentBase(string model) => Chat = new ChatClient(model, "key");

            protected ChatClient Chat { get; }
        }

        class Summarizer : AgentBase
        {
            public Summarizer() : base("gpt-6.2-sol") { }
        }

        class Use
        {
            void M(AiOptions options)
            {
                _ = new ChatClient(options.ChatModelId, "key");
                _ = new ChatClient(options.Fallback, "key");
            }
        }
        """, AnalyzerTest.Recommended);

    [Fact]
    public Task BetalgosPerCallModelIdIsASite() => new AnalyzerTest(editorConfig: "dotnet_diagnostic.MDL0003.severity = none")
    {
        ReferenceAssemblies = AnalyzerTest.WithPackages(Betalgo),
        TestCode = """
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI.Interfaces;
            using Betalgo.Ranul.OpenAI.Managers;
            using Betalgo.Ranul.OpenAI.ObjectModels;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                async Task M(IOpenAIService service, OpenAIService concrete, ChatCompletionCreateRequest request, CompletionCreateRequest completion)
                {
                    await service.ChatCompletion.CreateCompletion(request, {|MDL0001:"gpt-4"|});
                    await service.ChatCompletion.CreateCompletion(request, {|MDL0001:Models.Gpt_3_5_Turbo|});
                    await service.Completions.CreateCompletion(completion, modelId: {|MDL0001:"gpt-3.5-turbo-instruct"|});
                    await concrete.CreateCompletion(request, {|MDL0001:"o1"|});
                    service.SetDefaultModelId({|MDL0001:"gpt-4-turbo"|});
                    await service.ChatCompletion.CreateCompletion(request, "gpt-6-luna");
                }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task BetalgosPerCallModelIdIsFixedInPlace() => new AnalyzerTest(editorConfig: "dotnet_diagnostic.MDL0003.severity = none")
    {
        ReferenceAssemblies = AnalyzerTest.WithPackages(Betalgo),
        CodeActionEquivalenceKey = UseModelCodeFixProvider.RecommendedEquivalenceKey,
        TestCode = """
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI.Interfaces;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                Task M(IOpenAIService service, ChatCompletionCreateRequest request) => service.ChatCompletion.CreateCompletion(request, {|MDL0001:"gpt-4-turbo"|});
            }
            """,
        FixedCode = """
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI.Interfaces;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                Task M(IOpenAIService service, ChatCompletionCreateRequest request) => service.ChatCompletion.CreateCompletion(request, "gpt-6.2-sol");
            }
            """,
    }.RunAsync();

    [Fact]
    public Task OpenAI21RealtimeTranscriptionModelIsASite() => AnalyzerTest.VerifyAsync("""
        #pragma warning disable OPENAI002
        using OpenAI.RealtimeConversation;

        class C
        {
            object M() => new ConversationInputTranscriptionOptions { Model = {|MDL0002:"whisper-1"|} };
        }
        """, openAIVersion: "2.1.0");

    [Fact]
    public Task TheRealtimeTranscriptionFixCompilesThroughTheImplicitConversion() => AnalyzerTest.VerifyFixAsync("""
        #pragma warning disable OPENAI002
        using OpenAI.RealtimeConversation;

        class C
        {
            object M() => new ConversationInputTranscriptionOptions { Model = {|MDL0002:"whisper-1"|} };
        }
        """, """
        #pragma warning disable OPENAI002
        using OpenAI.RealtimeConversation;

        class C
        {
            object M() => new ConversationInputTranscriptionOptions { Model = "gpt-live-transcribe" };
        }
        """, AnalyzerTest.Recommended, openAIVersion: "2.1.0");

    [Fact]
    public Task ARecordsOwnModelPropertyIsFollowedThroughAnObjectInitializerOfTheSite() => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        record Defaults
        {
            public const string Chat = "gpt-6-luna";
            public string Legacy { get; init; } = {|MDL0001:"gpt-4"|};
        }

        class C
        {
            void M(OpenAIClient client, Defaults defaults)
            {
                _ = client.GetChatClient(Defaults.Chat);
                _ = client.GetChatClient(defaults.Legacy);
            }
        }
        """);
}

using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>MDL0004 against the real SDK packages: which options each model rejects, how options link to a model, and the fixes.</summary>
public class MDL0004RejectedOptionTests
{
    // The lifecycle rules would also speak about the models used here; these tests are about MDL0004 alone: the
    // analyzer tests run only its analyzer, and the workbench (every analyzer) silences the others.
    private const string OnlyRejectedOptions = """
        dotnet_diagnostic.MDL0001.severity = none
        dotnet_diagnostic.MDL0002.severity = none
        dotnet_diagnostic.MDL0003.severity = none
        dotnet_diagnostic.MDL0006.severity = none
        """;

    private static readonly (string, string) MeaiOpenAI = ("Microsoft.Extensions.AI.OpenAI", "10.11.0");
    private static readonly (string, string) SemanticKernel = ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0");
    private static readonly (string, string) Betalgo = ("Betalgo.Ranul.OpenAI", "9.2.6");

    private static Task Verify(string source, string? fixedSource = null, string? key = null, params (string Id, string Version)[] packages)
    {
        var test = new AnalyzerTest(only: new RequestOptionsAnalyzer()) { TestCode = source };
        if (packages.Length > 0)
        {
            test.ReferenceAssemblies = AnalyzerTest.WithPackages(packages);
        }

        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            test.CodeActionEquivalenceKey = key ?? RejectedOptionCodeFixProvider.RemoveKey;
        }

        return test.RunAsync();
    }

    [Fact]
    public Task EveryRejectedChatCompletionOptionOnAReasoningModel() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                var options = new ChatCompletionOptions
                {
                    {|MDL0004:Temperature = 0.2f|},
                    {|MDL0004:TopP = 0.9f|},
                    {|MDL0004:FrequencyPenalty = 0.5f|},
                    {|MDL0004:PresencePenalty = 0.5f|},
                    {|MDL0004:IncludeLogProbabilities = true|},
                    {|MDL0004:TopLogProbabilityCount = 3|},
                    {|MDL0004:StopSequences = { "END" }|},
                    {|MDL0004:MaxOutputTokenCount = 200_000|},
                    Seed = 42,
                };
                var fine = new ChatCompletionOptions { Temperature = 1, IncludeLogProbabilities = false, StopSequences = { }, MaxOutputTokenCount = 4000 };
                client.CompleteChat(messages, options);
                client.CompleteChat(messages, fine);
            }
        }
        """);

    [Fact]
    public Task MessageNamesTheModelTheValueAndTheWayOut() =>
        new AnalyzerTest(only: new RequestOptionsAnalyzer())
        {
            TestCode = """
                using OpenAI.Chat;

                class C
                {
                    void M(string key, ChatMessage[] messages) =>
                        new ChatClient("gpt-5.4-mini", key).CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.7f });
                }
                """,
            ExpectedDiagnostics =
            {
                AnalyzerTest.Diagnostic("MDL0004").WithSpan(6, 96, 6, 114).WithArguments(
                    "'gpt-5.4-mini' only accepts the default temperature (1) while it reasons: Temperature = 0.7 fails with HTTP 400 (unsupported_value), unless reasoning effort is set to none in the same request"),
            },
        }.RunAsync();

    [Fact]
    public Task ReasoningEffortNoneAllowsSamplingButNotStopSequences() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages, ChatReasoningEffortLevel level)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                client.CompleteChat(messages, new ChatCompletionOptions
                {
                    ReasoningEffortLevel = ChatReasoningEffortLevel.None,
                    Temperature = 0.2f,
                    TopP = 0.5f,
                    {|MDL0004:StopSequences = { "END" }|},
                });

                // Effort chosen at run time: whether sampling is allowed is not known, so only stop is certain.
                client.CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = level, Temperature = 0.2f });

                // Effort raised: sampling is rejected again.
                client.CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.Low, {|MDL0004:Temperature = 0.2f|} });
            }
        }
        """);

    [Fact]
    public Task ModelsWhoseEffortDefaultsToNoneAcceptSamplingUntilEffortIsRaised() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.1", key);
                client.CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.2f });
                client.CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.Medium, {|MDL0004:Temperature = 0.2f|} });

                // The original GPT-5 generation has no "none" effort at all: the effort itself is rejected, and so is the temperature.
                var older = new ChatClient("gpt-5-mini", key);
                older.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:ReasoningEffortLevel = ChatReasoningEffortLevel.None|}, {|MDL0004:Temperature = 0.2f|} });
            }
        }
        """);

    // gpt-6.2-sol, gpt-6.2-astra, gpt-6.1-sol and gpt-6-astra reject effort "none" (the catalog's rejectedEfforts):
    // the effort is flagged, and the sampling options beside it are judged as on any reasoning model.
    [Fact]
    public Task AnEffortTheModelRejectsIsFlaggedAndSamplingBesideItToo() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-6.2-sol", key);
                client.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:ReasoningEffortLevel = ChatReasoningEffortLevel.None|}, {|MDL0004:Temperature = 0.3f|} });
                client.CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.Low });
                client.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:ReasoningEffortLevel = new ChatReasoningEffortLevel("minimal")|} });
                var options = new ChatCompletionOptions();
                {|MDL0004:options.ReasoningEffortLevel = new ChatReasoningEffortLevel("none")|};
                new ChatClient("gpt-6.1-sol", key).CompleteChat(messages, options);
            }
        }
        """);

    [Fact]
    public Task SemanticKernelAndBetalgoEffortsAreJudgedToo() => Task.WhenAll(
        Verify(
            """
            #pragma warning disable SKEXP0010
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                object[] M() => new object[]
                {
                    new OpenAIPromptExecutionSettings { ModelId = "gpt-6.2-sol", {|MDL0004:ReasoningEffort = "none"|}, {|MDL0004:Temperature = 0.2|} },
                    new OpenAIPromptExecutionSettings { ModelId = "gpt-6.2-sol", ReasoningEffort = "high" },
                    new OpenAIPromptExecutionSettings { ModelId = "gpt-6-luna", ReasoningEffort = "none", Temperature = 0.2 },
                };
            }
            """,
            packages: SemanticKernel),
        Verify(
            """
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                object[] M() => new object[]
                {
                    new ChatCompletionCreateRequest { Model = "gpt-6.1-sol", {|MDL0004:ReasoningEffort = "none"|} },
                    new ChatCompletionCreateRequest { Model = "gpt-5-mini", {|MDL0004:ReasoningEffort = "none"|} },
                    new ChatCompletionCreateRequest { Model = "gpt-5-mini", ReasoningEffort = "minimal" },
                };
            }
            """,
            packages: Betalgo));

    [Fact]
    public Task TheEffortMessageNamesWhatTheModelAccepts() => new AnalyzerTest(only: new RequestOptionsAnalyzer())
    {
        TestCode = """
            #pragma warning disable OPENAI001
            using OpenAI.Chat;

            class C
            {
                void M(string key, ChatMessage[] messages)
                {
                    var client = new ChatClient("gpt-6.2-sol", key);
                    client.CompleteChat(messages, new ChatCompletionOptions { {|#0:ReasoningEffortLevel = ChatReasoningEffortLevel.None|}, {|#1:Temperature = 0.3f|} });
                }
            }
            """,
        ExpectedDiagnostics =
        {
            AnalyzerTest.Diagnostic("MDL0004").WithLocation(0).WithArguments(
                "'gpt-6.2-sol' rejects reasoning effort 'none' (it accepts low, medium, high, xhigh, max), which ReasoningEffortLevel sends: the request fails with HTTP 400 (unsupported_value); remove it to use the model's default effort"),
            AnalyzerTest.Diagnostic("MDL0004").WithLocation(1).WithArguments(
                "'gpt-6.2-sol' only accepts the default temperature (1) while it reasons: Temperature = 0.3 fails with HTTP 400 (unsupported_value)"),
        },
    }.RunAsync();

    [Fact]
    public Task ModelsThatTakeEffortNoneAcceptItAndTheSamplingBesideIt() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                new ChatClient("gpt-6-luna", key).CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f });
                new ChatClient("gpt-6.1-terra", key).CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f });
                new ChatClient("gpt-6-sol", key).CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f });
                new ChatClient("gpt-6.2-sol", key).CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.High });
                new ChatClient("gpt-4o", key).CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f });
            }
        }
        """);

    [Fact]
    public Task TheFixRemovesTheRejectedEffortAndFixAllTheSamplingBesideIt() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-6.2-sol", key);
                client.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:ReasoningEffortLevel = ChatReasoningEffortLevel.None|}, {|MDL0004:Temperature = 0.3f|} });
            }
        }
        """,
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-6.2-sol", key);
                client.CompleteChat(messages, new ChatCompletionOptions { });
            }
        }
        """);

    [Fact]
    public Task NonReasoningModelsOnlyCheckTheOutputLimit() => Verify(
        """
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-4.1-mini", key);
                client.CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.2f, TopP = 0.9f, StopSequences = { "END" }, {|MDL0004:MaxOutputTokenCount = 50000|} });
            }
        }
        """);

    [Fact]
    public Task OptionsLinkThroughLocalsStatementsFieldsAndFactories() => Verify(
        """
        using OpenAI;
        using OpenAI.Chat;

        class C
        {
            private readonly ChatClient _fromField = new("o3", "key");
            private readonly ChatClient _fromConstructor;
            private ChatClient FromProperty { get; } = new OpenAIClient("key").GetChatClient("gpt-5.6-terra");

            C(OpenAIClient openAI) => _fromConstructor = openAI.GetChatClient("gpt-5.2-pro");

            void M(ChatMessage[] messages)
            {
                var options = new ChatCompletionOptions();
                {|MDL0004:options.TopP = 0.5f|};
                _fromField.CompleteChat(messages, options);

                _fromConstructor.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:PresencePenalty = 1|} });
                FromProperty.CompleteChatAsync(messages, new ChatCompletionOptions { {|MDL0004:Temperature = 0|} });
            }
        }
        """);

    [Fact]
    public Task UncertainLinksStaySilent() => Verify(
        """
        using OpenAI.Chat;

        class C
        {
            private ChatClient _mutable = new("gpt-5.4-mini", "key");

            void M(ChatClient parameter, string key, ChatMessage[] messages, bool flag)
            {
                // The client comes from outside the method.
                parameter.CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.2f });

                // A field that can be reassigned.
                _mutable.CompleteChat(messages, new ChatCompletionOptions { Temperature = 0.2f });

                // The options local is reassigned, so the object the call gets is not known.
                var options = new ChatCompletionOptions { Temperature = 0.2f };
                if (flag) options = new ChatCompletionOptions();
                new ChatClient("gpt-5.4-mini", key).CompleteChat(messages, options);

                // Options that never reach a call on a known client.
                Keep(new ChatCompletionOptions { Temperature = 0.2f });

                // Temperature from a variable may be 1.
                float temperature = flag ? 1 : 0.5f;
                new ChatClient("gpt-5.4-mini", key).CompleteChat(messages, new ChatCompletionOptions { Temperature = temperature });
            }

            static void Keep(ChatCompletionOptions options) { }
        }
        """);

    [Fact]
    public Task MicrosoftExtensionsAIChatOptions() => Verify(
        """
        #pragma warning disable OPENAI001, MEAI001
        using Microsoft.Extensions.AI;

        class C
        {
            async void M(string key, string modelFromConfig)
            {
                IChatClient chat = new OpenAI.Chat.ChatClient("gpt-5.4-mini", key).AsIChatClient();
                await chat.GetResponseAsync("hi", new ChatOptions { {|MDL0004:Temperature = 0.2f|}, {|MDL0004:StopSequences = ["END"]|} });

                // ModelId overrides the client's model.
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = "gpt-4.1-mini", Temperature = 0.2f });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = modelFromConfig, Temperature = 0.2f });
                await chat.GetResponseAsync("hi", new ChatOptions { ModelId = "o3", {|MDL0004:FrequencyPenalty = 0.1f|} });

                // Reasoning effort none, one level down.
                await chat.GetResponseAsync("hi", new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.None }, Temperature = 0.2f });
            }
        }
        """,
        packages: MeaiOpenAI);

    [Fact]
    public Task SemanticKernelExecutionSettings() => Verify(
        """
        #pragma warning disable SKEXP0001, SKEXP0010
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;
        using Microsoft.SemanticKernel.Connectors.OpenAI;

        class C
        {
            async void M(string key, ChatHistory history)
            {
                var settings = new OpenAIPromptExecutionSettings { ModelId = "gpt-5.4-mini", {|MDL0004:Temperature = 0.2|}, {|MDL0004:TokenSelectionBiases = new System.Collections.Generic.Dictionary<int, int> { [1] = 5 }|} };
                var none = new OpenAIPromptExecutionSettings { ModelId = "gpt-5.4-mini", ReasoningEffort = "none", Temperature = 0.2 };

                var service = new OpenAIChatCompletionService("o3", key);
                await service.GetChatMessageContentsAsync(history, new OpenAIPromptExecutionSettings { {|MDL0004:TopP = 0.5|}, {|MDL0004:Logprobs = true|} });
            }
        }
        """,
        packages: SemanticKernel);

    [Fact]
    public Task BetalgoRequestsCarryTheirModel() => Verify(
        """
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            void M()
            {
                var request = new ChatCompletionCreateRequest
                {
                    Model = "gpt-5.4-mini",
                    {|MDL0004:Temperature = 0.5f|},
                    {|MDL0004:MaxTokens = 500|},
                    {|MDL0004:Stop = "END"|},
                };
                var older = new ChatCompletionCreateRequest { Model = Models.O3_2025_04_16, {|MDL0004:LogProbs = true|}, MaxCompletionTokens = 500 };
                var chat = new ChatCompletionCreateRequest { Model = Models.Gpt_4o_mini, Temperature = 0.5f, MaxTokens = 500 };
            }
        }
        """,
        packages: Betalgo);

    [Fact]
    public Task FixRemovesRejectedOptionsFromInitializersAndStatements() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                var options = new ChatCompletionOptions
                {
                    {|MDL0004:Temperature = 0.2f|},
                    Seed = 7,
                    {|MDL0004:TopP = 0.9f|},
                };
                {|MDL0004:options.PresencePenalty = 0.5f|};
                client.CompleteChat(messages, options);
            }
        }
        """,
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                var options = new ChatCompletionOptions
                {
                    Seed = 7,
                };
                client.CompleteChat(messages, options);
            }
        }
        """);

    // The space or line break before an initializer's closing brace stays where an option is removed: first, last or only.
    [Fact]
    public Task FixKeepsAnInitializersSpacing() => Verify(
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                client.CompleteChat(messages, new ChatCompletionOptions { Seed = 7, {|MDL0004:Temperature = 0.2f|} });
                client.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:TopP = 0.9f|}, Seed = 7 });
                client.CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:Temperature = 0.2f|} });
                client.CompleteChat(messages, new ChatCompletionOptions { Seed = 7, {|MDL0004:Temperature = 0.2f|}, });
                client.CompleteChat(messages, new ChatCompletionOptions
                {
                    Seed = 7,
                    {|MDL0004:Temperature = 0.2f|} // sampling
                });
            }
        }
        """,
        """
        #pragma warning disable OPENAI001
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient("gpt-5.4-mini", key);
                client.CompleteChat(messages, new ChatCompletionOptions { Seed = 7 });
                client.CompleteChat(messages, new ChatCompletionOptions { Seed = 7 });
                client.CompleteChat(messages, new ChatCompletionOptions { });
                client.CompleteChat(messages, new ChatCompletionOptions { Seed = 7, });
                client.CompleteChat(messages, new ChatCompletionOptions
                {
                    Seed = 7 // sampling
                });
            }
        }
        """);

    [Fact]
    public Task FixRenamesLegacyMaxTokens() => Verify(
        """
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest M() => new() { Model = "o3", {|MDL0004:MaxTokens = 500|} };

            void N()
            {
                var request = new ChatCompletionCreateRequest { Model = "gpt-5.4-mini" };
                {|MDL0004:request.MaxTokens = 100|};
            }
        }
        """,
        """
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest M() => new() { Model = "o3", MaxCompletionTokens = 500 };

            void N()
            {
                var request = new ChatCompletionCreateRequest { Model = "gpt-5.4-mini" };
                request.MaxCompletionTokens = 100;
            }
        }
        """,
        RejectedOptionCodeFixProvider.RenameKey,
        Betalgo);

    [Fact]
    public Task FixLowersAnOutputLimitToTheModelsMaximum() => Verify(
        """
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages) =>
                new ChatClient("gpt-4o-mini", key).CompleteChat(messages, new ChatCompletionOptions { {|MDL0004:MaxOutputTokenCount = 100000|} });
        }
        """,
        """
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages) =>
                new ChatClient("gpt-4o-mini", key).CompleteChat(messages, new ChatCompletionOptions { MaxOutputTokenCount = 16384 });
        }
        """,
        RejectedOptionCodeFixProvider.LowerKey);

    [Fact]
    public async Task NoRemovalWhereItWouldDropACallOrBreakTheCode()
    {
        const string source = """
            using OpenAI.Chat;

            class C
            {
                static float Next() => 0.3f;

                void M(string key, ChatMessage[] messages, bool flag)
                {
                    var client = new ChatClient("gpt-5.4-mini", key);
                    var options = new ChatCompletionOptions { TopP = Next() };
                    if (flag) options.PresencePenalty = 0.5f;
                    client.CompleteChat(messages, options);
                }
            }
            """;
        var document = await Workbench.CreateDocumentAsync(source, OnlyRejectedOptions);
        var diagnostics = await Workbench.AnalyzeAsync(document);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "MDL0004"));
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "MDL0004"))
        {
            Assert.Empty(await Workbench.ActionsAsync(document, diagnostic));
        }
    }

    // Switching stays safe: the MDL0001-MDL0003 fixes mend the options their target rejects.
    private const string SwitchTargets = """
        model_analyzers.targets = gpt-5.4-mini, gpt-4.1-mini
        dotnet_diagnostic.MDL0002.severity = none
        dotnet_diagnostic.MDL0003.severity = none
        """;

    private const string SwitchSource = """
        using OpenAI.Chat;

        class C
        {
            void M(string key, ChatMessage[] messages)
            {
                var client = new ChatClient({|MDL0001:"gpt-4"|}, key);
                var options = new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = 2000, TopP = Next() };
                client.CompleteChat(messages, options);
                client.CompleteChat(messages, new ChatCompletionOptions { PresencePenalty = 0.5f });
            }

            static float Next() => 0.5f;
        }
        """;

    [Fact]
    public Task SwitchingToAReasoningModelAlsoRemovesTheOptionsItRejects() => new AnalyzerTest(editorConfig: SwitchTargets)
    {
        TestCode = SwitchSource,
        FixedCode = """
            using OpenAI.Chat;

            class C
            {
                void M(string key, ChatMessage[] messages)
                {
                    var client = new ChatClient("gpt-5.4-mini", key);
                    var options = new ChatCompletionOptions { MaxOutputTokenCount = 2000, {|MDL0004:TopP = Next()|} };
                    client.CompleteChat(messages, options);
                    client.CompleteChat(messages, new ChatCompletionOptions { });
                }

                static float Next() => 0.5f;
            }
            """,
        CodeActionEquivalenceKey = UseModelCodeFixProvider.RecommendedEquivalenceKey,
    }.RunAsync();

    [Fact]
    public Task SwitchingToAModelThatRejectsEffortNoneMendsTheEffortAndTheSampling() => new AnalyzerTest(editorConfig: "model_analyzers.targets = gpt-6.2-sol")
    {
        TestCode = """
            #pragma warning disable OPENAI001
            using OpenAI.Chat;

            class C
            {
                void M(string key, ChatMessage[] messages)
                {
                    var client = new ChatClient({|MDL0001:"gpt-4"|}, key);
                    client.CompleteChat(messages, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f, MaxOutputTokenCount = 500 });
                }
            }
            """,
        FixedCode = """
            #pragma warning disable OPENAI001
            using OpenAI.Chat;

            class C
            {
                void M(string key, ChatMessage[] messages)
                {
                    var client = new ChatClient("gpt-6.2-sol", key);
                    client.CompleteChat(messages, new ChatCompletionOptions { MaxOutputTokenCount = 500 });
                }
            }
            """,
        CodeActionEquivalenceKey = UseModelCodeFixProvider.RecommendedEquivalenceKey,
    }.RunAsync();

    // The model and the option it rejects in one initializer: the literal moves and the option goes, spacing kept.
    [Fact]
    public Task SwitchingMendsAnOptionBesideTheModelInOneInitializer() => new AnalyzerTest(editorConfig: "model_analyzers.targets = gpt-5.4-mini")
    {
        TestCode = """
            using Microsoft.Extensions.AI;

            class C
            {
                ChatOptions M() => new ChatOptions { ModelId = {|MDL0001:"gpt-4"|}, Temperature = 0.2f };
            }
            """,
        FixedCode = """
            using Microsoft.Extensions.AI;

            class C
            {
                ChatOptions M() => new ChatOptions { ModelId = "gpt-5.4-mini" };
            }
            """,
        ReferenceAssemblies = AnalyzerTest.WithPackages(MeaiOpenAI),
        CodeActionEquivalenceKey = UseModelCodeFixProvider.RecommendedEquivalenceKey,
    }.RunAsync();

    [Fact]
    public async Task TheRecommendationStaysFirstAndTitlesSayWhatChanges()
    {
        var document = await Workbench.CreateDocumentAsync(SwitchSource.Replace("{|MDL0001:", "").Replace("|}", ""), SwitchTargets);
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document), d => d.Id == "MDL0001");
        var titles = (await Workbench.ActionsAsync(document, diagnostic)).Select(a => a.Title).ToList();

        // The configured first target is the recommendation (the message and Fix All name it) even though the request's
        // options need mending for it: its title says what the action mends and what is left to do by hand.
        var reasoning = titles[0];
        Assert.StartsWith("Use 'gpt-5.4-mini'", reasoning);
        Assert.Contains("also mends Temperature, PresencePenalty, which 'gpt-5.4-mini' rejects", reasoning);
        Assert.Contains("then change TopP by hand", reasoning);
        var suited = Assert.Single(titles, t => t.StartsWith("Use 'gpt-4.1-mini'"));
        Assert.DoesNotContain("rejects", suited);
    }

    // Every remaining option row of every SDK, each on a request that names its own reasoning model.
    [Theory]
    [InlineData("OpenAI", "OpenAI.Responses.CreateResponseOptions", "Model", "Temperature = 0.5f")]
    [InlineData("OpenAI", "OpenAI.Responses.CreateResponseOptions", "Model", "TopP = 0.5f")]
    [InlineData("OpenAI", "OpenAI.Responses.CreateResponseOptions", "Model", "TopLogProbabilityCount = 2")]
    [InlineData("OpenAI", "OpenAI.Responses.CreateResponseOptions", "Model", "MaxOutputTokenCount = 500000")]
    [InlineData("MEAI", "Microsoft.Extensions.AI.ChatOptions", "ModelId", "TopP = 0.5f")]
    [InlineData("MEAI", "Microsoft.Extensions.AI.ChatOptions", "ModelId", "PresencePenalty = 0.5f")]
    [InlineData("MEAI", "Microsoft.Extensions.AI.ChatOptions", "ModelId", "MaxOutputTokens = 500000")]
    [InlineData("SK", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ModelId", "FrequencyPenalty = 0.5")]
    [InlineData("SK", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ModelId", "PresencePenalty = 0.5")]
    [InlineData("SK", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ModelId", "TopLogprobs = 2")]
    [InlineData("SK", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ModelId", "StopSequences = new[] { \"END\" }")]
    [InlineData("SK", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "ModelId", "MaxTokens = 500000")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "TopP = 0.5f")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "FrequencyPenalty = 0.5f")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "PresencePenalty = 0.5f")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "TopLogprobs = 2")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "LogitBias = new object()")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "StopAsList = new[] { \"END\" }")]
    [InlineData("Betalgo", "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest", "Model", "MaxCompletionTokens = 500000")]
    public Task EveryOptionOfEverySdk(string sdk, string type, string modelProperty, string option)
    {
        var packages = sdk switch
        {
            "MEAI" => new[] { MeaiOpenAI },
            "SK" => new[] { SemanticKernel },
            "Betalgo" => new[] { Betalgo },
            _ => new[] { ("OpenAI", AnalyzerTest.LatestOpenAI) },
        };
        string source = $$"""
            #pragma warning disable OPENAI001, MEAI001, SKEXP0001, SKEXP0010
            class C
            {
                object M() => new {{type}} { {{modelProperty}} = "gpt-5.4-mini", {|MDL0004:{{option}}|} };
            }
            """;
        return Verify(source, packages: packages);
    }
}

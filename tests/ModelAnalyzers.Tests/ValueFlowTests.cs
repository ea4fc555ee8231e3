using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>How a model id reaches a site: each shape is reported once, at the literal a fix would edit.</summary>
public class ValueFlowTests
{
    [Fact]
    public Task ConstFieldIsReportedOnceAtItsDeclarationHoweverManySitesUseIt() => AnalyzerTest.VerifyAsync("""
        using OpenAI;
        using OpenAI.Chat;

        class C
        {
            private const string Model = {|MDL0001:"gpt-4"|};

            void M(OpenAIClient client, string key)
            {
                _ = new ChatClient(Model, key);
                _ = client.GetChatClient(Model);
                _ = client.GetChatClient(C.Model);
            }
        }
        """);

    [Fact]
    public Task ConstInAnotherFileIsReportedInThatFile()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(("/0/Models.cs", """
            static class Models
            {
                public const string Chat = {|MDL0001:"gpt-3.5-turbo"|};
                public const string Embeddings = "text-embedding-3-small";
            }
            """));
        test.TestState.Sources.Add(("/0/Service.cs", """
            using OpenAI;

            class Service
            {
                void M(OpenAIClient client)
                {
                    _ = client.GetChatClient(Models.Chat);
                    _ = client.GetEmbeddingClient(Models.Embeddings);
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ConstLocalAndSingleAssignmentLocal() => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        class C
        {
            void M(OpenAIClient client)
            {
                const string chat = {|MDL0001:"o1"|};
                var images = {|MDL0001:"dall-e-2"|};
                _ = client.GetChatClient(chat);
                _ = client.GetImageClient(images);
            }
        }
        """);

    [Fact]
    public Task LocalWrittenAgainIsNotFollowed() => AnalyzerTest.VerifyAsync("""
        using System;
        using OpenAI;

        class C
        {
            void M(OpenAIClient client, bool fast)
            {
                var model = "gpt-4";
                if (fast) { model = Environment.GetEnvironmentVariable("MODEL"); }
                _ = client.GetChatClient(model);

                var other = "gpt-4";
                Action reset = () => other = "x";
                _ = client.GetChatClient(other);
            }
        }
        """);

    [Fact]
    public Task FieldsWithLiteralInitializersConstructorAssignmentsOrWrites() => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        class C
        {
            private static readonly string Chat = {|MDL0001:"gpt-4-turbo"|};
            private readonly string _embeddings;
            private string _mutable = {|MDL0001:"gpt-4"|};

            C(bool large)
            {
                _embeddings = large ? {|MDL0001:"text-search-davinci-doc-001"|} : "text-embedding-3-small";
                this._embeddings = {|MDL0001:"text-search-ada-doc-001"|};
            }

            void M(OpenAIClient client)
            {
                _ = client.GetChatClient(Chat);
                _ = client.GetEmbeddingClient(_embeddings);
                _ = client.GetChatClient(_mutable);
            }
        }
        """);

    [Fact]
    public Task ConditionalSwitchAndCoalesceBranches() => AnalyzerTest.VerifyAsync("""
        using System;
        using OpenAI;

        class C
        {
            void M(OpenAIClient client, bool cheap, int tier)
            {
                _ = client.GetChatClient(cheap ? {|MDL0001:"gpt-3.5-turbo"|} : "gpt-6.1-terra");
                _ = client.GetChatClient(tier switch
                {
                    0 => {|MDL0001:"o3-mini"|},
                    1 => {|MDL0002:"o3"|},
                    _ => "gpt-6-luna",
                });
                _ = client.GetChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? {|MDL0001:"gpt-4"|});
            }
        }
        """);

    [Fact]
    public Task ConstantConcatenationAndInterpolationAreReportedWhole() => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        class C
        {
            const string Family = "gpt";
            const string Version = "4";
            const string Joined = {|MDL0001:Family + "-" + Version|};

            void M(OpenAIClient client)
            {
                _ = client.GetChatClient(Joined);
                _ = client.GetChatClient({|MDL0001:$"{Family}-3.5-turbo"|});
            }
        }
        """);

    [Fact]
    public Task ParametersAreNotGuessedAndOwnHelpersAreFollowedToWhatTheyReturn() => AnalyzerTest.VerifyAsync("""
        using OpenAI;

        class C
        {
            string Pick() => {|MDL0001:"gpt-4"|};

            void M(OpenAIClient client, string model)
            {
                _ = client.GetChatClient(model);
                _ = client.GetChatClient(Pick());
                _ = client.GetChatClient(model.Length > 3 ? model : Pick());
                _ = client.GetChatClient(model.Trim());   // an SDK or BCL call: not followed
            }
        }
        """);

    [Fact]
    public Task TheMessageNamesModelDateReplacementAndSavings() => AnalyzerTest.VerifyAsync(
        """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|#0:"gpt-4"|}, key);
        }
        """,
        expected: AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
            "'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices"));
}

using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

public class CodeFixTests
{
    private const string Retired = """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|MDL0001:"gpt-4"|}, key);
        }
        """;

    [Fact]
    public Task ReplacesTheLiteralWithTheChosenTarget() => AnalyzerTest.VerifyFixAsync(Retired, """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|MDL0002:"gpt-4o-mini"|}, key);
        }
        """, "gpt-4o-mini");

    [Fact]
    public Task OpenAIsReplacementIsOfferedToo() => AnalyzerTest.VerifyFixAsync(Retired, """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|MDL0003:"gpt-5.6-sol"|}, key);
        }
        """, "gpt-5.6-sol");

    [Fact]
    public Task TheRecommendedActionMovesTheSiteToTheModelTheMessageNames() => AnalyzerTest.VerifyFixAsync(Retired, """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient("gpt-6.2-sol", key);
        }
        """, AnalyzerTest.Recommended);

    [Fact]
    public Task OneRecommendedFixAllMovesEachSiteToItsOwnRecommendation()
    {
        // Three sites, three different recommendations: one Fix All (and so one dotnet format run) moves them all.
        var test = new AnalyzerTest { CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.RecommendedEquivalenceKey };
        test.TestCode = """
            using OpenAI;

            class C
            {
                void M(OpenAIClient client)
                {
                    _ = client.GetChatClient({|MDL0001:"gpt-4"|});
                    _ = client.GetChatClient({|MDL0001:"gpt-3.5-turbo"|});
                    _ = client.GetEmbeddingClient({|MDL0001:"text-search-ada-doc-001"|});
                    _ = client.GetEmbeddingClient({|MDL0003:"text-embedding-ada-002"|});
                }
            }
            """;
        test.FixedCode = """
            using OpenAI;

            class C
            {
                void M(OpenAIClient client)
                {
                    _ = client.GetChatClient("gpt-6.2-sol");
                    _ = client.GetChatClient("gpt-6-luna");
                    _ = client.GetEmbeddingClient("text-embedding-3-small");
                    _ = client.GetEmbeddingClient("text-embedding-3-small");
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task KeepsVerbatimAndRawLiteralForms() => AnalyzerTest.VerifyFixAsync("""""
        using OpenAI;

        class C
        {
            void M(OpenAIClient client)
            {
                _ = client.GetChatClient({|MDL0001:@"gpt-4"|});
                _ = client.GetChatClient({|MDL0001:""""gpt-3.5-turbo""""|});
                _ = client.GetChatClient({|MDL0001:"""
                    o1
                    """|});
            }
        }
        """"", """""
        using OpenAI;

        class C
        {
            void M(OpenAIClient client)
            {
                _ = client.GetChatClient({|MDL0002:@"gpt-4o-mini"|});
                _ = client.GetChatClient({|MDL0002:""""gpt-4o-mini""""|});
                _ = client.GetChatClient({|MDL0002:"""
                    gpt-4o-mini
                    """|});
            }
        }
        """"", "gpt-4o-mini");

    [Fact]
    public Task EditsTheDeclarationNotTheUse() => AnalyzerTest.VerifyFixAsync("""
        using OpenAI;

        class C
        {
            public const string Model = {|MDL0001:"gpt-4-turbo"|};
            const string Concatenated = {|MDL0001:"gpt-" + "4"|};

            void M(OpenAIClient client)
            {
                _ = client.GetChatClient(Model);
                _ = client.GetChatClient(Model);
                _ = client.GetChatClient(Concatenated);
            }
        }
        """, """
        using OpenAI;

        class C
        {
            public const string Model = {|MDL0002:"gpt-5-mini"|};
            const string Concatenated = {|MDL0002:"gpt-5-mini"|};

            void M(OpenAIClient client)
            {
                _ = client.GetChatClient(Model);
                _ = client.GetChatClient(Model);
                _ = client.GetChatClient(Concatenated);
            }
        }
        """, "gpt-5-mini");

    [Fact]
    // gpt-4o-mini shuts down on gpt-4o's own day: it is not offered for gpt-4o, which keeps its diagnostic.
    public Task FixAllMovesEverySiteInEveryFileToTheSameTarget()
    {
        var test = new AnalyzerTest { CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini" };
        test.TestState.Sources.Add(("/0/A.cs", """
            using OpenAI;

            class A
            {
                void M(OpenAIClient client, bool b)
                {
                    _ = client.GetChatClient({|MDL0001:"gpt-4"|});
                    _ = client.GetChatClient(b ? {|MDL0001:"gpt-3.5-turbo"|} : {|MDL0002:"gpt-4o"|});
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using OpenAI.Chat;

            class B
            {
                ChatClient M(string key) => new ChatClient({|MDL0001:"gpt-4-turbo"|}, key);
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using OpenAI;

            class A
            {
                void M(OpenAIClient client, bool b)
                {
                    _ = client.GetChatClient({|MDL0002:"gpt-4o-mini"|});
                    _ = client.GetChatClient(b ? {|MDL0002:"gpt-4o-mini"|} : {|MDL0002:"gpt-4o"|});
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using OpenAI.Chat;

            class B
            {
                ChatClient M(string key) => new ChatClient({|MDL0002:"gpt-4o-mini"|}, key);
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllSkipsSitesThatDoNotOfferTheTarget()
    {
        // gpt-4o-mini is a chat model: the retired embedding model keeps its diagnostic and its own fix.
        var test = new AnalyzerTest { CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini" };
        test.TestCode = """
            using OpenAI;

            class C
            {
                void M(OpenAIClient client)
                {
                    _ = client.GetChatClient({|MDL0001:"gpt-4"|});
                    _ = client.GetEmbeddingClient({|MDL0001:"text-search-ada-doc-001"|});
                }
            }
            """;
        test.FixedCode = """
            using OpenAI;

            class C
            {
                void M(OpenAIClient client)
                {
                    _ = client.GetChatClient({|MDL0002:"gpt-4o-mini"|});
                    _ = client.GetEmbeddingClient({|MDL0001:"text-search-ada-doc-001"|});
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public async Task TitlesGiveSavingsAndTheTargetsOwnShutdownDate()
    {
        var document = await Workbench.CreateDocumentAsync("""
            using OpenAI.Chat;

            class C
            {
                ChatClient M(string key) => new ChatClient("gpt-4", key);
            }
            """);
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        var actions = await Workbench.ActionsAsync(document, diagnostic);

        Assert.Equal(
            new[]
            {
                "Use 'gpt-6.2-sol' (89% cheaper)",
                "Use 'gpt-4o-mini' (smaller tier: mid, not flagship; 99% cheaper; shuts down 2027-01-14)",
                "Use 'gpt-5-mini' (smaller tier: mid, not flagship; 98% cheaper; shuts down 2026-12-11)",
                "Use 'gpt-5.6-sol' (70% cheaper)",
            },
            actions.Select(a => a.Title));
        Assert.Equal(
            new[] { "ModelAnalyzers.UseRecommendedModel", "ModelAnalyzers.UseModel:gpt-4o-mini", "ModelAnalyzers.UseModel:gpt-5-mini", "ModelAnalyzers.UseModel:gpt-5.6-sol" },
            actions.Select(a => a.EquivalenceKey));
    }

    [Fact]
    public async Task EveryOfferedFixCompiles()
    {
        var document = await Workbench.CreateDocumentAsync("""
            using System;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                const string Prefix = "gpt-";
                const string Model = Prefix + "4";
                static readonly string Embeddings = "text-search-ada-doc-001";

                void M(OpenAIClient client, string key, int tier)
                {
                    _ = new ChatClient(Model, key);
                    _ = client.GetChatClient(tier switch { 0 => @"o1", _ => $"{Prefix}3.5-turbo" });
                    _ = client.GetEmbeddingClient(Embeddings);
                    _ = client.GetChatClient(Environment.GetEnvironmentVariable("M") ?? "gpt-4o");
                }
            }
            """);
        Assert.Empty(await Workbench.CompilerErrorsAsync(document));
        var diagnostics = await Workbench.AnalyzeAsync(document);
        Assert.Equal(5, diagnostics.Length);

        foreach (var diagnostic in diagnostics)
        {
            foreach (var action in await Workbench.ActionsAsync(document, diagnostic))
            {
                var fixedDocument = await Workbench.ApplyAsync(document, action);
                Assert.Empty(await Workbench.CompilerErrorsAsync(fixedDocument));
                Assert.NotEqual((await document.GetTextAsync()).ToString(), (await fixedDocument.GetTextAsync()).ToString());
            }
        }
    }
}

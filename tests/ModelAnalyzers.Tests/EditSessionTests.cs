using Microsoft.CodeAnalysis;
using ModelAnalyzers.Tests.Infrastructure;
using Xunit;

namespace ModelAnalyzers.Tests;

/// <summary>
/// An IDE makes a new compilation per edit and reuses the symbols of unchanged references, and the analyzers keep
/// what they resolved from those symbols across compilations. These tests edit a project as an IDE does and check
/// that what changed with the edit (a using alias, the SDK version) is seen, and nothing stale is.
/// </summary>
public sealed class EditSessionTests
{
    private const string Before = """
        class C
        {
            void M(string key) { }
        }
        """;

    private const string After = """
        using Chat = OpenAI.Chat.ChatClient;

        class C
        {
            void M(string key) { _ = new Chat("gpt-4", key); }
        }
        """;

    [Fact]
    public async Task AnAliasTypedAfterTheFirstAnalysisIsASite()
    {
        var document = await Workbench.CreateDocumentAsync(Before);
        Assert.Empty(await Workbench.AnalyzeAsync(document));

        var edited = document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(After));
        // The edit reuses the SDK's assembly symbol, so what was resolved from it is reused too: only the alias is new.
        Assert.Same(await OpenAIAssemblyAsync(document.Project), await OpenAIAssemblyAsync(edited.Project));
        var diagnostics = await Workbench.AnalyzeAsync(edited);
        Assert.Equal(new[] { RuleIds.Retired }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task RemovingTheAliasRemovesTheSite()
    {
        var document = await Workbench.CreateDocumentAsync(After);
        Assert.Equal(new[] { RuleIds.Retired }, (await Workbench.AnalyzeAsync(document)).Select(d => d.Id));

        var edited = document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(After.Replace("using Chat = OpenAI.Chat.ChatClient;", "using Chat = System.Text.StringBuilder;", StringComparison.Ordinal)
            .Replace("new Chat(\"gpt-4\", key)", "new Chat(\"gpt-4\", 8)", StringComparison.Ordinal)));
        Assert.Empty(await Workbench.AnalyzeAsync(edited));
    }

    [Fact]
    public async Task AnotherSdkVersionIsResolvedOnItsOwn()
    {
        const string source = """
            using OpenAI.Chat;

            class C
            {
                void M(string key) { _ = new ChatClient("gpt-4", key); }
            }
            """;
        foreach (var version in new[] { AnalyzerTest.LatestOpenAI, "2.1.0", AnalyzerTest.LatestOpenAI })
        {
            var document = await Workbench.CreateDocumentAsync(source, openAIVersion: version);
            var diagnostics = await Workbench.AnalyzeAsync(document);
            Assert.Equal(new[] { RuleIds.Retired }, diagnostics.Select(d => d.Id));
        }
    }

    private static async Task<ISymbol?> OpenAIAssemblyAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return compilation.SourceModule.ReferencedAssemblySymbols.Single(a => a.Identity.Name == "OpenAI");
    }
}

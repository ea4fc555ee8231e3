using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>The as-of date and targets options, their precedence, and MDL0900 for values that cannot be used.</summary>
public class OptionsTests
{
    private const string Gpt4Site = """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|#0:"gpt-4"|}, key);
        }
        """;

    private static DiagnosticResult At0(string id) => AnalyzerTest.Diagnostic(id).WithLocation(0).WithMessage(null);

    [Theory]
    [InlineData("2026-01-01", "MDL0003")]
    [InlineData("2026-06-01", "MDL0002")]
    [InlineData("2026-10-23", "MDL0001")]
    public Task EditorConfigAsOfDateDecidesTheRule(string date, string rule)
    {
        var test = new AnalyzerTest(editorConfig: $"model_analyzers.as_of_date = {date}") { TestCode = Gpt4Site.Replace("{|#0:", "{|" + rule + ":") };
        return test.RunAsync();
    }

    [Fact]
    public Task BuildDateFromMSBuildIsUsedWhenNoEditorConfigDate()
    {
        var test = new AnalyzerTest { TestCode = Gpt4Site.Replace("{|#0:", "{|MDL0002:") };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelAnalyzersAsOfDate = 2026-06-01\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task EditorConfigDateWinsOverTheBuildDate()
    {
        var test = new AnalyzerTest(editorConfig: "model_analyzers.as_of_date = 2026-01-01") { TestCode = Gpt4Site.Replace("{|#0:", "{|MDL0003:") };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelAnalyzersAsOfDate = 2026-12-31\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task PerFileSectionsWinOverTheGlobalValue()
    {
        var test = new AnalyzerTest();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nmodel_analyzers.as_of_date = 2026-06-01\n"));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "[Legacy.cs]\nmodel_analyzers.as_of_date = 2026-11-01\n"));
        test.TestState.Sources.Add(("/0/Legacy.cs", "class Legacy { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-4\"|}); }"));
        test.TestState.Sources.Add(("/0/Current.cs", "class Current { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0002:\"gpt-4\"|}); }"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConfiguredTargetsReplaceTheCardsTargets() => AnalyzerTest.VerifyFixAsync(
        Gpt4Site.Replace("{|#0:", "{|MDL0001:"),
        Gpt4Site.Replace("{|#0:\"gpt-4\"|}", "\"gpt-6-luna\""),
        target: AnalyzerTest.Recommended,
        editorConfig: "model_analyzers.targets = gpt-6-luna");

    [Fact]
    public async Task ConfiguredTargetsComeFirstInTheFixList()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }",
            editorConfig: "model_analyzers.targets = gpt-6-luna, gpt-4o-mini");
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        var titles = (await Workbench.ActionsAsync(document, diagnostic)).Select(a => a.Title);

        // The team's choice leads even as a smaller tier (titled so); OpenAI's replacement stays visible.
        Assert.Equal(
            new[]
            {
                "Use 'gpt-6-luna' (smaller tier: entry, not flagship; 99% cheaper)",
                "Use 'gpt-4o-mini' (smaller tier: mid, not flagship; 99% cheaper; shuts down 2027-01-14)",
                "Use 'gpt-5.6-sol' (70% cheaper)",
            },
            titles);
    }

    [Fact]
    public Task NoTargetsLeavesTheBestLiveModelOfTheTierAndOpenAIsReplacement() => AnalyzerTest.VerifyFixAsync(
        Gpt4Site.Replace("{|#0:", "{|MDL0001:"),
        Gpt4Site.Replace("{|#0:\"gpt-4\"|}", "\"gpt-6.2-sol\""),
        target: AnalyzerTest.Recommended,
        editorConfig: "model_analyzers.targets = none");
}

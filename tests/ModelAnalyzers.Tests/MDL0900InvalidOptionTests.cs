using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// MDL0900, a configuration value that cannot be used: each model_analyzers.* option and MSBuild property with an
/// invalid value is named with what it expects, and the default applies so the rest of the analysis goes on.
/// </summary>
public class MDL0900InvalidOptionTests
{
    private const string Gpt4Site = """
        using OpenAI.Chat;

        class C
        {
            ChatClient M(string key) => new ChatClient({|#0:"gpt-4"|}, key);
        }
        """;

    private const string Sites = """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient({|#0:"gpt-4"|});
                _ = c.GetChatClient({|#1:"gpt-4o-mini"|});
                _ = c.GetChatClient({|#2:"gpt-5-mini"|});
            }
        }
        """;

    private const string RetiredSite = "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-4\"|}); }";

    private static DiagnosticResult At0(string id) => AnalyzerTest.Diagnostic(id).WithLocation(0).WithMessage(null);

    private static DiagnosticResult At(int location, string id) => AnalyzerTest.Diagnostic(id).WithLocation(location).WithMessage(null);

    [Fact]
    public Task ASettingsFileThatIsNotJsonIsNamedWhereItBreaks()
    {
        var test = new AnalyzerTest { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"OpenAI\": { \"ChatModel\": \"gpt-4\""));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0900").WithSpan("/0/appsettings.json", 1, 35, 1, 35)
            .WithArguments("not read: invalid JSON: expected ',' or '}' in the object; the file's model settings are not judged"));
        return test.RunAsync();
    }

    [Fact]
    public Task InvalidDateGivesMDL0900AndTheCatalogDateApplies() => AnalyzerTest.VerifyAsync(
        Gpt4Site,
        editorConfig: "model_analyzers.as_of_date = 23/11/2026",
        expected: new[]
        {
            At0("MDL0001"),
            AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
                "'model_analyzers.as_of_date' has the invalid value '23/11/2026': expected a date as yyyy-MM-dd (e.g. 2026-11-23)"),
        });

    [Fact]
    public Task InvalidBuildDateGivesMDL0900()
    {
        var test = new AnalyzerTest { TestCode = Gpt4Site };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelAnalyzersAsOfDate = tomorrow\n"));
        test.ExpectedDiagnostics.Add(At0("MDL0001"));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
            "MSBuild property 'ModelAnalyzersAsOfDate' has the invalid value 'tomorrow': expected a date as yyyy-MM-dd (e.g. 2026-11-23)"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownTargetGivesMDL0900AndIsSkipped() => AnalyzerTest.VerifyAsync(
        Gpt4Site,
        editorConfig: "model_analyzers.targets = gpt-4o-mni",
        expected: new[]
        {
            At0("MDL0001"),
            AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
                "'model_analyzers.targets' names 'gpt-4o-mni', which is not a model id in the catalog: expected a comma-separated list of model ids (e.g. gpt-4o-mini, gpt-5-mini) or 'none'"),
        });

    [Fact]
    public Task UnknownTeamReplacementGivesMDL0900() => AnalyzerTest.VerifyAsync(
        Sites,
        editorConfig: "model_analyzers.replace.gpt-4 = gpt-7",
        expected: new[]
        {
            At(0, "MDL0001"), At(1, "MDL0002"), At(2, "MDL0002"),
            AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
                "'model_analyzers.replace.gpt-4' names 'gpt-7', which is not a model id in the catalog: expected the id of the model to move to"),
        });

    [Theory]
    [InlineData("model_analyzers.deprecation_window_days = soon", "'model_analyzers.deprecation_window_days' has the invalid value 'soon'")]
    [InlineData("model_analyzers.monthly_input_tokens = -5", "'model_analyzers.monthly_input_tokens' has the invalid value '-5'")]
    [InlineData("model_analyzers.monthly_output_tokens = 1e6", "'model_analyzers.monthly_output_tokens' has the invalid value '1e6'")]
    public Task InvalidNumbersGiveMDL0900(string option, string messageStart) => AnalyzerTest.VerifyAsync(
        Sites,
        editorConfig: option,
        expected: new[]
        {
            At(0, "MDL0001"), At(1, "MDL0002"), At(2, "MDL0002"),
            AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
                messageStart + ": expected a whole number, 0 or more (e.g. 1000000 or 1_000_000)"),
        });

    [Fact]
    public Task AnInvalidAgeLimitGivesMDL0900AndTheDefaultApplies() => AnalyzerTest.VerifyAsync(
        RetiredSite,
        editorConfig: "model_analyzers.as_of_date = 2027-06-01\nmodel_analyzers.catalog_age_warning_days = soon",
        expected: new[]
        {
            AnalyzerTest.Diagnostic("MDL0900").WithNoLocation().WithArguments(
                "'model_analyzers.catalog_age_warning_days' has the invalid value 'soon': expected a whole number of days (e.g. 60) or 'off'"),
            AnalyzerTest.Diagnostic("MDL0902").WithNoLocation().WithMessage(null),
        });
}

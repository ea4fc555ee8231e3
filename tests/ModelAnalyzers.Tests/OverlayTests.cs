using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Catalog overlays (*.models.json AdditionalFiles) and MDL0901 for what in them cannot be used.</summary>
public class OverlayTests
{
    private const string OverlayPath = "/0/modelanalyzers.models.json";

    private static AnalyzerTest Test(string source, params (string Path, string Json)[] overlays)
    {
        var test = new AnalyzerTest { TestCode = source };
        foreach (var overlay in overlays)
        {
            test.TestState.AdditionalFiles.Add((overlay.Path, overlay.Json));
        }

        return test;
    }

    [Fact]
    public Task AddsAModelWithItsOwnLifecycle() => Test(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0002:\"acme-large\"|}); }",
        (OverlayPath, """
            {
              "$schema": "https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/models.schema.json",
              "models": [
                { "id": "acme-large", "kind": "chat", "inputPer1M": 4, "outputPer1M": 16,
                  "deprecatedOn": "2026-10-01", "shutdownOn": "2027-03-01", "replacement": "gpt-6-luna" }
              ]
            }
            """)).RunAsync();

    [Fact]
    public async Task AddedModelOffersTheConfiguredTargetFirst()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"acme-large\"); }",
            editorConfig: "model_analyzers.targets = gpt-6-luna");
        document = Workbench.WithAdditionalFile(document, "modelanalyzers.models.json", """
            { "models": [ { "id": "acme-large", "kind": "chat", "inputPer1M": 4, "outputPer1M": 16, "deprecatedOn": "2026-10-01", "shutdownOn": "2027-03-01" } ] }
            """);
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        Assert.Equal("MDL0002", diagnostic.Id);
        Assert.Equal("'acme-large' shuts down on 2027-03-01; 'gpt-6-luna' lists 97% lower input and 96% lower output prices (it is a reasoning model: its reasoning tokens bill as output)", diagnostic.GetMessage());
        Assert.Equal("Use 'gpt-6-luna' (97% cheaper)", (await Workbench.ActionsAsync(document, diagnostic))[0].Title);
    }

    [Fact]
    public Task OverridesFieldsOfABuiltInModel() => Test(
        """
        class C
        {
            void M(OpenAI.OpenAIClient c)
            {
                _ = c.GetChatClient("gpt-4o-mini");
                _ = c.GetChatClient({|MDL0001:"gpt-5.2"|});
            }
        }
        """,
        (OverlayPath, """
            { "models": [
                { "id": "gpt-4o-mini", "deprecated": false, "deprecatedOn": null, "shutdownOn": null },
                { "id": "gpt-5.2", "shutdownOn": "2026-11-01", "replacement": "gpt-6-luna" }
            ] }
            """)).RunAsync();

    [Fact]
    public Task LaterFilesWinInPathOrder() => Test(
        "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-5.2\"|}); }",
        ("/0/b.models.json", """{ "models": [ { "id": "gpt-5.2", "shutdownOn": "2026-11-01" } ] }"""),
        ("/0/a.models.json", """{ "models": [ { "id": "gpt-5.2", "shutdownOn": "2027-06-01" } ] }""")).RunAsync();

    [Fact]
    public Task DeploymentNamesAreJudgedAsTheirModelWithoutAnAutomaticFix()
    {
        var test = Test(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|#0:\"prod-chat\"|}); }",
            (OverlayPath, """{ "deployments": { "prod-chat": "gpt-4" } }"""));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithArguments(
            "deployment 'prod-chat' runs model 'gpt-4': 'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices"));
        return test.RunAsync();
    }

    private const string AzureDeploymentSite = """
        using System.ClientModel;
        using Azure.AI.OpenAI;

        class C
        {
            object M(string key) => new AzureOpenAIClient(new System.Uri("https://acme.openai.azure.com"), new ApiKeyCredential(key)).GetChatClient({|#0:"chat"|});
        }
        """;

    private static AnalyzerTest AzureDeploymentTest(string asOf, string overlay, params DiagnosticResult[] expected)
    {
        // Stale model data at later dates (MDL0902) is its own test's concern.
        var test = new AnalyzerTest(editorConfig: $"model_analyzers.as_of_date = {asOf}\nmodel_analyzers.catalog_age_warning_days = off")
        {
            TestCode = AzureDeploymentSite,
            FixedCode = AzureDeploymentSite, // moved where it is defined, not renamed in code: no fix
            ReferenceAssemblies = AnalyzerTest.WithPackages(("Azure.AI.OpenAI", "2.1.0"), ("System.Memory.Data", "6.0.1")),
        };
        test.TestState.AdditionalFiles.Add((OverlayPath, overlay));
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    // What model-audit's deployments command writes: the deployment's model, version and type from infrastructure code,
    // judged by Azure's calendar for that version and type (not by the name, not by OpenAI's dates), at several dates.
    [Theory]
    [InlineData("2026-12-07")]
    [InlineData("2030-01-01")]
    public Task ADeploymentDeclaredInInfrastructureIsJudgedByAzuresCalendar(string asOf) => AzureDeploymentTest(
        asOf,
        """{ "deployments": { "chat": { "model": "gpt-35-turbo", "version": "0613", "sku": "Standard", "definedIn": "infra/main.bicep:17" } } }""",
        AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithMessage(
            "Azure deployment 'chat' (defined in infra/main.bicep:17) runs gpt-35-turbo 0613: Azure retired gpt-35-turbo 0613 (Standard) on 2025-02-13 and requests to it fail"
            + (asOf == "2026-12-07" ? "; move to gpt-5.4-mini 2026-03-17" : "") // by 2030 every version the data knows has retired: no target is made up
            + " (Azure suggests gpt-35-turbo (0125) or gpt-4o-mini)")).RunAsync();

    [Theory]
    [InlineData("2026-12-07", "MDL0002", "Azure no longer deploys it: a fresh environment fails to deploy it (ServiceModelDeprecated); Azure retires gpt-5-mini 2025-08-07 (GlobalStandard) on 2027-02-06")]
    [InlineData("2027-02-10", "MDL0001", "Azure retired gpt-5-mini 2025-08-07 (GlobalStandard) on 2027-02-06 and requests to it fail")]
    public Task ADeprecatedVersionTurnsRetiredOnItsAzureDate(string asOf, string rule, string says) => AzureDeploymentTest(
        asOf,
        """{ "deployments": { "chat": { "model": "gpt-5-mini", "version": "2025-08-07", "sku": "GlobalStandard" } } }""",
        AnalyzerTest.Diagnostic(rule).WithLocation(0).WithMessage($"Azure deployment 'chat' runs gpt-5-mini 2025-08-07: {says}; move to gpt-5.4-mini 2026-03-17")).RunAsync();

    [Fact]
    public Task NewerAzureScheduleRowsInAnOverlayWin() => AzureDeploymentTest(
        "2026-12-07",
        """
        { "deployments": { "chat": { "model": "gpt-5.5", "version": "2026-04-24", "sku": "GlobalStandard" } },
          "azure": [ { "name": "gpt-5.5", "openAI": "gpt-5.5", "versions": [
            { "version": "2026-04-24", "lifecycle": "Retired", "retirement": "exact", "retiresOn": "2026-12-01", "source": "a newer schedule" } ] } ] }
        """,
        AnalyzerTest.Diagnostic("MDL0001").WithLocation(0).WithMessage(
            "Azure deployment 'chat' runs gpt-5.5 2026-04-24: Azure retired gpt-5.5 2026-04-24 (GlobalStandard) on 2026-12-01 and requests to it fail; move to gpt-5.4 2026-03-05")).RunAsync();

    [Fact]
    public Task WithoutTheNewerRowTheSameDeploymentIsRetiringOnTheBuiltInDate() => AzureDeploymentTest(
        "2026-12-07",
        """{ "deployments": { "chat": { "model": "gpt-5.5", "version": "2026-04-24", "sku": "GlobalStandard" } } }""",
        AnalyzerTest.Diagnostic("MDL0002").WithLocation(0).WithMessage(
            "Azure deployment 'chat' runs gpt-5.5 2026-04-24: Azure retires gpt-5.5 2026-04-24 (GlobalStandard) on 2027-04-23; move to gpt-5.4 2026-03-05")).RunAsync();

    [Fact]
    public Task OtherJsonFilesAreNotOverlays()
    {
        var test = Test(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient({|MDL0001:\"gpt-4\"|}); }",
            ("/0/appsettings.json", "{ this is not json"),
            ("/0/models.json", "{ \"models\": [ { \"id\": \"gpt-4\", \"shutdownOn\": null } ] }"));

        // The broken appsettings file is named as a settings file (MDL0900), not read as an overlay.
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("MDL0900").WithSpan("/0/appsettings.json", 1, 3, 1, 3)
            .WithArguments("not read: invalid JSON: expected a property name in double quotes; the file's model settings are not judged"));
        return test.RunAsync();
    }

}

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Model ids in appsettings*.json: found by key, judged like code, fixed in place (the harness drops AdditionalFile diagnostics, so a workspace is used).</summary>
public class SettingsModelTests
{
    private const string Settings = """
        {
          // Models the app reads at startup.
          "OpenAI": {
            "ChatModel": "gpt-4",
            "Embeddings": { "model_id": "text-search-ada-doc-001" },
            "Deployments": [ { "DeploymentName": "gpt-3.5-turbo" }, { "DeploymentName": "my-deployment" } ],
            "Prompt": "Answer like gpt-4 would",
            "Description": "gpt-4",
            "FallbackModel": "gpt-6-luna",
            "ReasoningModel": "o3"
          }
        }
        """;

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string json, string name = "appsettings.json", string? editorConfig = null)
    {
        var document = await Workbench.CreateDocumentAsync("class C { }", editorConfig);
        document = Workbench.WithAdditionalFile(document, name, json);
        return (document, await Workbench.AnalyzeAsync(document));
    }

    [Fact]
    public async Task ModelKeysWithAWholeKnownIdAreJudgedAtTheirValue()
    {
        var (_, diagnostics) = await AnalyzeAsync(Settings);

        Assert.Equal(
            new[]
            {
                "MDL0001 appsettings.json(4,18): 'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices",
                "MDL0001 appsettings.json(5,33): 'text-search-ada-doc-001' was shut down on 2024-01-04 and requests to it fail; OpenAI names 'text-embedding-3-small', which lists 99% lower input price (stored vectors must be re-embedded)",
                "MDL0001 appsettings.json(6,42): 'gpt-3.5-turbo' was shut down on 2026-10-23 and requests to it fail; 'gpt-6-luna' lists 80% lower input and 66% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-terra', which lists 300% higher input and 700% higher output prices",
                "MDL0002 appsettings.json(10,23): 'o3' shuts down on 2026-12-11; OpenAI names 'gpt-6.1-sol', which lists the same input and 25% higher output prices (it costs more: no cheaper live model does at least as much); 'gpt-4o-mini' (smaller tier: mid, not flagship) lists 92% lower input and output prices (it shuts down on 2027-01-14)",
            },
            diagnostics.Select(Workbench.Describe).Order(StringComparer.Ordinal).ToArray());
        Assert.All(diagnostics, d => Assert.Equal(d.Location.SourceSpan.Length, FixData.ReadModel(d.Properties)!.Length + 2));
    }

    [Fact]
    public async Task TrailingCommasAreReadAsAspNetCoreReadsThem()
    {
        // Microsoft.Extensions.Configuration.Json reads with AllowTrailingCommas, so such a file is a working appsettings.
        var (_, diagnostics) = await AnalyzeAsync("{\n  \"OpenAI\": {\n    \"ChatModel\": \"gpt-4\",\n    \"Tags\": [ \"a\", ],\n  },\n}\n");

        Assert.Equal(new[] { "MDL0001 appsettings.json(3,18)" }, diagnostics.Select(d => Workbench.Describe(d)[..Workbench.Describe(d).IndexOf(':', 12)]).ToArray());
    }

    [Theory]
    [InlineData("{ \"Model\": ", "(1,12): not read: invalid JSON: unexpected end of input")]
    [InlineData("[ \"gpt-4\", { \"Model\": [ \"gpt-4\" ] ", "(1,35): not read: invalid JSON: expected ',' or '}' in the object")]
    [InlineData("{\"Ai\": {\"ChatModel\": \"gpt-4\"", "(1,29): not read: invalid JSON: expected ',' or '}' in the object")]
    [InlineData("", "(1,1): not read: invalid JSON: unexpected end of input")]
    public async Task BrokenSettingsAreNamedWhereTheyBreak(string json, string expected)
    {
        var (_, diagnostics) = await AnalyzeAsync(json);

        var note = Assert.Single(diagnostics);
        Assert.Equal("MDL0900 appsettings.json" + expected + "; the file's model settings are not judged", Workbench.Describe(note));
        Assert.Equal(DiagnosticSeverity.Warning, note.Severity);
    }

    [Theory]
    [InlineData("appsettings.json", "\"gpt-4\"")]
    [InlineData("config.json", "{ \"Model\": \"gpt-4\" }")]
    [InlineData("other.json", "{ \"Model\": ")]
    public async Task OtherJsonIsSilent(string name, string json)
    {
        var (_, diagnostics) = await AnalyzeAsync(json, name);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task AnyJsonFileMarkedAsSettingsIsRead()
    {
        // What <AdditionalFiles Include="config.json" ModelAnalyzersSettings="true" /> becomes for the compiler.
        var (_, diagnostics) = await AnalyzeAsync("{ \"Model\": \"gpt-4\" }", "config.json", "build_metadata.AdditionalFiles.ModelAnalyzersSettings = true");
        Assert.Equal("MDL0001 config.json(1,12)", Workbench.Describe(Assert.Single(diagnostics))[..25]);
    }

    [Fact]
    public async Task EditorConfigOptionsApplyToSettingsFiles()
    {
        var (_, diagnostics) = await AnalyzeAsync(Settings, editorConfig: "model_analyzers.targets = gpt-6-luna");
        Assert.Equal("gpt-6-luna", FixData.ReadOffers(diagnostics.Single(d => FixData.ReadModel(d.Properties) == "gpt-4").Properties)[0].Target);
    }

    [Fact]
    public async Task FixSwapsOnlyTheValueAndKeepsCommentsAndLayout()
    {
        var (document, diagnostics) = await AnalyzeAsync(Settings);
        var diagnostic = diagnostics.Single(d => FixData.ReadModel(d.Properties) == "gpt-4");
        var settings = document.Project.AdditionalDocuments.Single();

        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new CodeFixContext(settings, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UseModelCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = actions.Single(a => a.EquivalenceKey == UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini");
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;

        string text = (await solution.GetAdditionalDocument(settings.Id)!.GetTextAsync()).ToString();
        Assert.Equal(Settings.Replace("\"ChatModel\": \"gpt-4\"", "\"ChatModel\": \"gpt-4o-mini\""), text);
    }

    // Launch profiles set the same configuration through environment variables (issue 33): read by default, fixed in place.
    private const string LaunchSettings = """
        {
          "profiles": {
            "Bot": {
              "commandName": "Project",
              "environmentVariables": {
                "ASPNETCORE_ENVIRONMENT": "Development",
                "OPENAI_MODEL": "gpt-4",
                "AI__ChatModel": "gpt-6-luna",
                "GREETING": "gpt-4"
              }
            }
          }
        }
        """;

    [Fact]
    public async Task LaunchProfilesEnvironmentVariablesAreSettingsAndAreFixedInPlace()
    {
        var (document, diagnostics) = await AnalyzeAsync(LaunchSettings, name: "Properties/launchSettings.json");

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("MDL0001 launchSettings.json(7,25): 'gpt-4' was shut down", Workbench.Describe(diagnostic), StringComparison.Ordinal);

        var settings = document.Project.AdditionalDocuments.Single();
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        await new UseModelCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(settings, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
        string text = (await solution.GetAdditionalDocument(settings.Id)!.GetTextAsync()).ToString();
        Assert.Equal(LaunchSettings.Replace("\"OPENAI_MODEL\": \"gpt-4\"", $"\"OPENAI_MODEL\": \"{FixData.ReadOffers(diagnostic.Properties).First().Target}\""), text);
        Assert.Contains("\"GREETING\": \"gpt-4\"", text, StringComparison.Ordinal); // not a model key
    }

    [Fact]
    public async Task FixAllMovesCodeAndSettingsTogether()
    {
        var document = await Workbench.CreateDocumentAsync("""
            using OpenAI.Chat;

            class C
            {
                ChatClient Chat(string key) => new("gpt-4", key);
                ChatClient Other(string key) => new("gpt-3.5-turbo", key);
            }
            """);
        document = Workbench.WithAdditionalFile(document, "appsettings.json", Settings);
        var diagnostics = await Workbench.AnalyzeAsync(document);
        string key = UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini";

        var provider = new UseModelCodeFixProvider();
        var context = new FixAllContext(document, provider, FixAllScope.Project, key, new[] { "MDL0001", "MDL0002", "MDL0003" }, new FixedDiagnostics(diagnostics), CancellationToken.None);
        var fix = await provider.GetFixAllProvider().GetFixAsync(context);
        var operations = await fix!.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;

        string code = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.Contains("new(\"gpt-4o-mini\", key)", code);
        Assert.DoesNotContain("gpt-3.5-turbo", code);
        string json = (await solution.GetAdditionalDocument(document.Project.AdditionalDocumentIds.Single())!.GetTextAsync()).ToString();
        Assert.Equal(
            Settings.Replace("\"ChatModel\": \"gpt-4\"", "\"ChatModel\": \"gpt-4o-mini\"").Replace("\"DeploymentName\": \"gpt-3.5-turbo\"", "\"DeploymentName\": \"gpt-4o-mini\"")
                .Replace("\"ReasoningModel\": \"o3\"", "\"ReasoningModel\": \"gpt-4o-mini\""),
            json);
        Assert.Empty(await Workbench.CompilerErrorsAsync(solution.GetDocument(document.Id)!));
    }

    /// <summary>What the IDE's diagnostic service hands a Fix All: the diagnostics computed before.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}

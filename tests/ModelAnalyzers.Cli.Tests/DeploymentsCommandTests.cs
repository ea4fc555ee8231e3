using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// model-audit deployments (issue 34): the deployments the folder's infrastructure declares, one line each with its
/// status by Azure's calendar, and --write-overlay writing the overlay's deployments map (merged into an existing
/// overlay, never over a broken one, never one the package would reject).
/// </summary>
public sealed class DeploymentsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("deployments-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Bicep = """
        param chatModel string = 'gpt-35-turbo'

        resource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
          name: 'chat'
          sku: { name: 'Standard' }
          properties: {
            model: { format: 'OpenAI', name: chatModel, version: '0613' }
          }
        }

        resource live 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
          name: 'big'
          sku: { name: 'GlobalStandard' }
          properties: {
            model: { format: 'OpenAI', name: 'gpt-5.5', version: '2026-04-24' }
          }
        }
        """;

    private string Overlay => Path.Combine(_directory, "modelanalyzers.models.json");

    private async Task<(int Exit, string Output, string Error)> RunAsync(string asOf, string? overlay, bool dryRun = false)
    {
        Directory.CreateDirectory(Path.Combine(_directory, "infra"));
        File.WriteAllText(Path.Combine(_directory, "infra", "main.bicep"), Bicep);
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await DeploymentsCommand.RunAsync(_directory, DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), overlay, dryRun, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("2026-12-07", "big: gpt-5.5 2026-04-24 (GlobalStandard) retiring 2027-04-23")]
    [InlineData("2027-05-01", "big: gpt-5.5 2026-04-24 (GlobalStandard) retired 2027-04-23")]
    public async Task EachDeploymentIsListedWithItsStatusAtTheDate(string asOf, string big)
    {
        var (exit, output, error) = await RunAsync(asOf, overlay: null);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("infra/main.bicep:7 chat: gpt-35-turbo 0613 (Standard) retired 2025-02-13", output, StringComparison.Ordinal);
        Assert.Contains("infra/main.bicep:15 " + big, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Overlay));
    }

    [Fact]
    public async Task TheOverlayIsWrittenAndThePackageJudgesTheDeploymentByIt()
    {
        var (exit, output, _) = await RunAsync("2026-12-07", Overlay);

        Assert.Equal(0, exit);
        Assert.Contains("wrote 2 deployment(s)", output, StringComparison.Ordinal);
        var problems = new List<OverlayProblem>();
        var catalog = CatalogOverlay.Apply(ModelCatalog.BuiltIn, new[] { (Overlay, SourceText.From(File.ReadAllText(Overlay))) }, problems);
        Assert.Empty(problems);
        Assert.Equal(new DeploymentTarget("gpt-35-turbo", "0613", "Standard", "infra/main.bicep:7"), catalog.Deployments["chat"]);

        var again = await RunAsync("2026-12-07", Overlay);
        Assert.Contains("is up to date", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExistingOverlayKeepsWhatItHad()
    {
        File.WriteAllText(Overlay, """
            {
              // the team's own
              "asOf": "2026-12-01",
              "models": [ { "id": "acme-large", "kind": "chat" } ],
              "deployments": { "legacy": "gpt-4", "chat": "gpt-4o" }
            }
            """);

        var (exit, _, _) = await RunAsync("2026-12-07", Overlay);

        Assert.Equal(0, exit);
        string written = File.ReadAllText(Overlay);
        Assert.Contains("\"acme-large\"", written, StringComparison.Ordinal);
        Assert.Contains("\"legacy\": \"gpt-4\"", written, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"0613\"", written, StringComparison.Ordinal); // "chat" is what the infrastructure says now
        Assert.Contains("\"asOf\": \"2026-12-01\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"deployments\": ")]
    [InlineData("[ 1, 2 ]")]
    [InlineData("{ \"deployments\": [ ] }")]
    public async Task ABrokenOverlayIsNeverOverwritten(string broken)
    {
        File.WriteAllText(Overlay, broken);

        var (exit, _, error) = await RunAsync("2026-12-07", Overlay);

        Assert.Equal(Commands.NotCompleted, exit);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.Equal(broken, File.ReadAllText(Overlay));
    }

    [Fact]
    public async Task ADryRunPrintsTheDiffAndWritesNothing()
    {
        var (exit, output, _) = await RunAsync("2026-12-07", Overlay, dryRun: true);

        Assert.Equal(0, exit);
        Assert.Contains("+    \"chat\": {", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Overlay));
    }

    [Fact]
    public async Task AFolderWithoutInfrastructureSaysSo()
    {
        var output = new StringWriter();
        int exit = await DeploymentsCommand.RunAsync(_directory, new DateTime(2026, 12, 7), Overlay, false, output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("no Azure OpenAI deployments found", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Overlay));
    }
}

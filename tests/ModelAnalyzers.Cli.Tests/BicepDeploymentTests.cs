using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.Infra;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// Azure deployments in Bicep (issue 34, first part): resources and module deployment lists found, values resolved
/// through parameter defaults, variables, .bicepparam and parameters files, judged by Azure's calendar per version and
/// deployment type; names in tags, descriptions and other resources are not deployments.
/// </summary>
public sealed class BicepDeploymentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bicep-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Main = """
        // The chat app's AI account.
        @description('The chat model')
        param chatModelName string = 'gpt-35-turbo'
        param chatModelVersion string = '0613'
        param embeddingDeploymentName string = 'embeddings'
        param prefix string

        var embeddingModel = 'text-embedding-ada-002'

        resource account 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
          name: '${prefix}-ai'
          location: resourceGroup().location
          kind: 'OpenAI'
          tags: { model: 'gpt-4', purpose: 'Runs gpt-4 for the demo' }
          properties: {
            customSubDomainName: '${prefix}-ai'
          }
        }

        resource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {
          parent: account
          name: 'chat'
          sku: {
            name: 'Standard'
            capacity: 30
          }
          properties: {
            model: {
              format: 'OpenAI'
              name: chatModelName
              version: chatModelVersion
            }
          }
        }

        module ai 'core/ai/cognitiveservices.bicep' = {
          name: 'openai'
          params: {
            deployments: [
              {
                name: embeddingDeploymentName
                model: { format: 'OpenAI', name: embeddingModel, version: '2' }
                sku: { name: 'GlobalStandard', capacity: 120 }
              }
              {
                name: 'reasoning'
                model: { format: 'OpenAI', name: '${prefix}-model', version: '1' }
              }
            ]
          }
        }

        resource web 'Microsoft.Web/sites@2022-03-01' = {
          name: '${prefix}-web'
          properties: {
            siteConfig: { appSettings: [ { name: 'OPENAI_MODEL', value: 'gpt-4' } ] }
          }
        }
        """;

    private static string Describe(InfraDeployment d) =>
        $"{d.Name}:{d.Model.Value ?? "?" + d.Model.Unresolved}@{d.Version?.Value}/{d.Sku}";

    [Fact]
    public void ResourcesAndModuleListsAreFoundAndResolved()
    {
        string path = Path.Combine(_directory, "main.bicep");
        var found = BicepDeployments.Find(path, Main);

        Assert.Equal(new[] { "chat:gpt-35-turbo@0613/Standard", "embeddings:text-embedding-ada-002@2/GlobalStandard", "reasoning:?${prefix}-model@1/" }, found.Select(Describe).ToArray());
        var chat = found[0];
        Assert.Equal("'gpt-35-turbo'", Main.Substring(chat.Model.Offset, chat.Model.Length)); // the parameter's default: where a fix edits
        Assert.Equal("'0613'", Main.Substring(chat.Version!.Offset, chat.Version.Length));
    }

    [Fact]
    public void ParametersFilesOverrideDefaultsAndAzdVariablesDoNot()
    {
        string path = Path.Combine(_directory, "main.bicep");
        File.WriteAllText(Path.Combine(_directory, "main.bicepparam"), "using 'main.bicep'\nparam chatModelName = 'gpt-4'\n");
        File.WriteAllText(Path.Combine(_directory, "main.parameters.json"), """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "parameters": {
                "chatModelVersion": { "value": "0314" },
                "prefix": { "value": "${AZURE_ENV_NAME}" }
              }
            }
            """);

        var chat = BicepDeployments.Find(path, Main)[0];

        Assert.Equal("gpt-4", chat.Model.Value);
        Assert.EndsWith("main.bicepparam", chat.Model.File, StringComparison.Ordinal);
        Assert.Equal("0314", chat.Version!.Value);
        Assert.EndsWith("main.parameters.json", chat.Version.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resource x 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  name: 'chat\n}\n", "line 2")]
    [InlineData("resource x 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  properties: {\n", "line 3")]
    [InlineData("resource x 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  list: [\n    }\n  ]\n}\n", "line 3")]
    public void AnUnreadableFileIsNamedWithItsLine(string text, string line)
    {
        var error = Assert.Throws<FormatException>(() => BicepDeployments.Find(Path.Combine(_directory, "broken.bicep"), text));
        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt-35-turbo", "0613", "Standard", "2026-12-07", "MDL0001", "gpt-5.4-mini 2026-03-17")]
    [InlineData("gpt-4o-mini", "2024-07-18", "Standard", "2026-01-15", "MDL0002", "gpt-5-mini 2025-08-07")]
    [InlineData("gpt-4o-mini", "2024-07-18", "Standard", "2026-04-01", "MDL0001", "gpt-5-mini 2025-08-07")]
    [InlineData("gpt-4o-mini", "2024-07-18", "GlobalStandard", "2026-04-01", "MDL0002", "gpt-5-mini 2025-08-07")]
    [InlineData("gpt-5-mini", "2025-08-07", "GlobalStandard", "2026-12-07", "MDL0002", "gpt-5.4-mini 2026-03-17")]
    [InlineData("gpt-5-mini", "2025-08-07", "GlobalStandard", "2027-02-07", "MDL0001", "gpt-5.4-mini 2026-03-17")]
    public void AzureJudgesPerVersionAndDeploymentType(string model, string version, string sku, string asOf, string rule, string target)
    {
        var verdict = AzureVersionJudge.Judge(AzureCatalog.BuiltIn, ModelCatalog.BuiltIn, model, version, sku, DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), windowDays: null);

        Assert.NotNull(verdict);
        Assert.Equal(rule, RuleIds.Of(verdict.Kind));
        Assert.Equal(target, verdict.TargetModel is null ? "" : $"{verdict.TargetModel} {verdict.TargetVersion}");
    }

    [Fact]
    public void MutatedFilesAreReadOrNamedNeverThrownOtherwise() =>
        Mutator.AssertReadOrNamed(Main, 34, text => BicepDeployments.Find(Path.Combine(_directory, "fuzz.bicep"), text));

    [Fact]
    public void ALiveVersionFarFromRetirementIsFine() =>
        Assert.Null(AzureVersionJudge.Judge(AzureCatalog.BuiltIn, ModelCatalog.BuiltIn, "gpt-5.5", "2026-04-24", "GlobalStandard", new DateTime(2026, 12, 7), windowDays: 90));

    // A file in another encoding is read and fixed in it: --fix never turns a UTF-16 template into UTF-8.
    [Fact]
    public async Task AFixWritesTheFileBackInItsOwnEncoding()
    {
        string path = Path.Combine(_directory, "main.bicep");
        File.WriteAllText(path, Main, System.Text.Encoding.Unicode);
        var audit = InfrastructureAudit.Read(_directory);
        var report = new AuditReport { Path = _directory, AsOf = new DateTime(2026, 12, 7) };

        var change = Assert.Single(audit.Report(report, new List<(Site, Verdict?)>(), new AuditOptions { AsOf = report.AsOf, Fix = true }, ModelCatalog.BuiltIn));
        await AtomicFile.WriteAsync(change.Path, change.After, change.Encoding);

        Assert.Equal(System.Text.Encoding.Unicode.WebName, change.Encoding?.WebName);
        string written = File.ReadAllText(path, System.Text.Encoding.Unicode);
        Assert.Contains("param chatModelName string = 'gpt-5.4-mini'", written, StringComparison.Ordinal);
        Assert.Equal(Main.Length - "gpt-35-turbo".Length + "gpt-5.4-mini".Length - "0613".Length + "2026-03-17".Length, written.Length);
    }
}

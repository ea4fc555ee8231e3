using ModelAnalyzers.Cli.Infra;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// Azure deployments in ARM JSON templates (issue 34): child resources, nested and top-level deployment resources,
/// symbolic-name resources, inline nested templates; parameters('...') through a parameters file and defaults,
/// variables('...'); names built with format/concat; model names in tags and other resources are not deployments;
/// a template Bicep compiled beside its .bicep is not read twice; broken files are named with their line.
/// </summary>
public sealed class ArmDeploymentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("arm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Template = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "accountName": { "type": "string", "defaultValue": "acme-ai" },
            "chatModel": { "type": "string", "defaultValue": "gpt-35-turbo", "metadata": { "description": "Runs gpt-4 in prod" } },
            "embeddingModel": { "type": "string", "defaultValue": "text-embedding-ada-002" }
          },
          "variables": { "chatVersion": "0613", "appSetting": "gpt-4" },
          "resources": [
            {
              "type": "Microsoft.CognitiveServices/accounts",
              "apiVersion": "2023-05-01",
              "name": "[parameters('accountName')]",
              "kind": "OpenAI",
              "tags": { "model": "gpt-4" },
              "resources": [
                {
                  "type": "deployments",
                  "apiVersion": "2023-05-01",
                  "name": "chat",
                  "dependsOn": [ "[parameters('accountName')]" ],
                  "sku": { "name": "Standard", "capacity": 30 },
                  "properties": { "model": { "format": "OpenAI", "name": "[parameters('chatModel')]", "version": "[variables('chatVersion')]" } }
                }
              ]
            },
            {
              "type": "Microsoft.CognitiveServices/accounts/deployments",
              "apiVersion": "2023-05-01",
              "name": "[format('{0}/{1}', parameters('accountName'), 'embeddings')]",
              "sku": { "name": "GlobalStandard" },
              "properties": { "model": { "format": "OpenAI", "name": "[parameters('embeddingModel')]", "version": "2" } }
            },
            {
              "type": "Microsoft.CognitiveServices/accounts/deployments",
              "apiVersion": "2023-05-01",
              "name": "[concat(parameters('accountName'), '/reasoning')]",
              "properties": { "model": { "format": "OpenAI", "name": "[concat('o', '3')]", "version": "2025-04-16" } }
            },
            {
              "type": "Microsoft.Web/sites",
              "apiVersion": "2022-03-01",
              "name": "app",
              "properties": { "siteConfig": { "appSettings": [ { "name": "OPENAI_MODEL", "value": "[variables('appSetting')]" } ] } }
            }
          ]
        }
        """;

    private static string Describe(InfraDeployment d) =>
        $"{d.Name}:{d.Model.Value ?? "?" + d.Model.Unresolved}@{d.Version?.Value}/{d.Sku}";

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ChildAndTopLevelDeploymentsAreFoundAndResolved()
    {
        string path = Write("azuredeploy.json", Template);
        var found = ArmDeployments.Find(path, ArmParser.Parse(Template));

        Assert.Equal(
            new[] { "chat:gpt-35-turbo@0613/Standard", "embeddings:text-embedding-ada-002@2/GlobalStandard", "reasoning:?[concat('o', '3')]@2025-04-16/" },
            found.Select(Describe).ToArray());
        var chat = found[0];
        Assert.Equal("\"gpt-35-turbo\"", Template.Substring(chat.Model.Offset, chat.Model.Length)); // the default: where a fix edits
        Assert.Equal("\"0613\"", Template.Substring(chat.Version!.Offset, chat.Version.Length));
        Assert.Equal("\"[parameters('chatModel')]\"", Template.Substring(chat.Offset, "\"[parameters('chatModel')]\"".Length)); // where the deployment names it
    }

    [Fact]
    public void AParametersFileBesideTheTemplateWinsOverDefaults()
    {
        string path = Write("azuredeploy.json", Template);
        string parameters = Write("azuredeploy.parameters.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "parameters": { "chatModel": { "value": "gpt-4" }, "embeddingModel": { "value": "${AZURE_EMBEDDING}" } }
            }
            """);

        var found = ArmDeployments.Find(path, ArmParser.Parse(Template));

        Assert.Equal("gpt-4", found[0].Model.Value);
        Assert.Equal(parameters, found[0].Model.File);
        Assert.Equal("text-embedding-ada-002", found[1].Model.Value); // an azd variable is not a value: the default stays
    }

    [Fact]
    public void SymbolicResourcesAndInlineNestedTemplatesAreRead()
    {
        const string Text = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "languageVersion": "2.0",
              "parameters": { "miniModel": { "type": "string", "defaultValue": "gpt-4o-mini" } },
              "resources": {
                "mini": {
                  "type": "Microsoft.CognitiveServices/accounts/deployments",
                  "name": "acme/mini",
                  "sku": { "name": "GlobalStandard" },
                  "properties": { "model": { "name": "[parameters('miniModel')]", "version": "2024-07-18" } }
                },
                "nested": {
                  "type": "Microsoft.Resources/deployments",
                  "name": "ai",
                  "properties": {
                    "parameters": { "model": { "value": "gpt-4o" } },
                    "template": {
                      "parameters": { "model": { "type": "string", "defaultValue": "gpt-4.1" }, "version": { "type": "string", "defaultValue": "2024-11-20" } },
                      "resources": [ {
                        "type": "Microsoft.CognitiveServices/accounts/deployments",
                        "name": "acme/big",
                        "properties": { "model": { "name": "[parameters('model')]", "version": "[parameters('version')]" } }
                      } ]
                    }
                  }
                }
              }
            }
            """;
        var found = ArmDeployments.Find(Write("main.json", Text), ArmParser.Parse(Text));

        Assert.Equal(new[] { "mini:gpt-4o-mini@2024-07-18/GlobalStandard", "big:gpt-4o@2024-11-20/" }, found.Select(Describe).ToArray());
    }

    [Theory]
    [InlineData("""{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": { "m": { "value": "Microsoft.CognitiveServices/accounts gpt-4" } } }""", false)]
    [InlineData("""{ "name": "package", "dependencies": { "gpt-4": "1.0.0" } }""", false)]
    [InlineData(Template, true)]
    public void OnlyTemplatesWithCognitiveServicesAreRead(string text, bool read) => Assert.Equal(read, ArmDeployments.IsTemplate(text));

    [Fact]
    public void ATemplateCompiledFromTheBicepBesideItIsNotReadTwice()
    {
        const string Compiled = """{ "metadata": { "_generator": { "name": "bicep", "version": "0.49.2" } }, "resources": [] }""";
        string json = Write("main.json", Compiled);

        Assert.False(ArmDeployments.IsCompiledFromBicepBeside(json, ArmParser.Parse(Compiled)));
        Write("main.bicep", "param x string = 'a'\n");
        Assert.True(ArmDeployments.IsCompiledFromBicepBeside(json, ArmParser.Parse(Compiled)));
    }

    [Fact]
    public void OffsetsAreCharactersAlsoAfterNonAsciiText()
    {
        string text = Template.Replace("Runs gpt-4 in prod", "Läuft in Zürich 🚀", StringComparison.Ordinal);
        var chat = ArmDeployments.Find(Write("azuredeploy.json", text), ArmParser.Parse(text))[0];

        Assert.Equal("\"gpt-35-turbo\"", text.Substring(chat.Model.Offset, chat.Model.Length));
        Assert.Equal("\"0613\"", text.Substring(chat.Version!.Offset, chat.Version.Length));
    }

    [Theory]
    [InlineData("{\n  \"resources\": [\n    { \"type\": \"x\", }\n    { }\n  ]\n}", "line 4")]
    [InlineData("{\n  \"a\": \"unclosed\n}", "line 2")]
    [InlineData("", "line 1")]
    public void AnUnreadableFileIsNamedWithItsLine(string text, string line)
    {
        var error = Assert.Throws<FormatException>(() => ArmParser.Parse(text));
        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MutatedTemplatesAreReadOrNamedNeverThrownOtherwise() =>
        Mutator.AssertReadOrNamed(Template, 35, text => ArmDeployments.Find(Path.Combine(_directory, "fuzz.json"), ArmParser.Parse(text)));
}

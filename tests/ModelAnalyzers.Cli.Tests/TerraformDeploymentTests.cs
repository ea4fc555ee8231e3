using ModelAnalyzers.Cli.Infra;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// Azure deployments in Terraform (issue 34): azurerm_cognitive_deployment resources found, var.* resolved through the
/// folder's variable defaults and tfvars, unresolvable values and unreadable files named; other resources and tags
/// are not deployments.
/// </summary>
public sealed class TerraformDeploymentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("terraform-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string Main = """
        # The AI account and its deployments.
        resource "azurerm_cognitive_account" "openai" {
          name     = "${var.prefix}-ai"
          kind     = "OpenAI"
          tags     = { model = "gpt-4" }
          sku_name = "S0"
        }

        resource "azurerm_cognitive_deployment" "chat" {
          name                 = "chat"
          cognitive_account_id = azurerm_cognitive_account.openai.id
          model {
            format  = "OpenAI"
            name    = var.chat_model_name
            version = var.chat_model_version
          }
          sku {
            name = "Standard"
          }
        }

        resource "azurerm_cognitive_deployment" "embeddings" {
          name                 = var.embedding_deployment
          cognitive_account_id = azurerm_cognitive_account.openai.id
          model {
            format  = "OpenAI"
            name    = "text-embedding-ada-002"
            version = "2"
          }
          sku {
            name = "GlobalStandard"
          }
        }

        resource "azurerm_cognitive_deployment" "computed" {
          name = "computed"
          model {
            format = "OpenAI"
            name   = lookup(var.models, "chat")
          }
        }
        """;

    private const string Variables = """
        variable "prefix" {
          type = string
        }

        variable "chat_model_name" {
          type    = string
          default = "gpt-35-turbo"
        }

        variable "chat_model_version" {
          type    = string
          default = "0301"
        }

        variable "embedding_deployment" {
          default = "embeddings" // a comment
        }
        """;

    private static string Describe(InfraDeployment d) =>
        $"{d.Name}:{d.Model.Value ?? "?" + d.Model.Unresolved}@{d.Version?.Value}/{d.Sku}";

    [Fact]
    public void DeploymentsAreFoundAndVariablesResolvedAcrossTheFolder()
    {
        File.WriteAllText(Path.Combine(_directory, "variables.tf"), Variables);
        File.WriteAllText(Path.Combine(_directory, "terraform.tfvars"), "chat_model_version = \"0613\"\n");
        string path = Path.Combine(_directory, "main.tf");
        File.WriteAllText(path, Main);

        var found = TerraformDeployments.Find(path, Main);

        Assert.Equal(new[] { "chat:gpt-35-turbo@0613/Standard", "embeddings:text-embedding-ada-002@2/GlobalStandard", "computed:?lookup(var.models, \"chat\")@/" }, found.Select(Describe).ToArray());
        Assert.EndsWith("variables.tf", found[0].Model.File, StringComparison.Ordinal); // the default: where a fix edits
        Assert.Equal("\"gpt-35-turbo\"", Variables.Substring(found[0].Model.Offset, found[0].Model.Length));
        Assert.EndsWith("terraform.tfvars", found[0].Version!.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resource \"azurerm_cognitive_deployment\" \"x\" {\n  name = \"chat\n}\n", "line 2")]
    [InlineData("resource \"azurerm_cognitive_deployment\" \"x\" {\n  model {\n", "line 3")]
    [InlineData("}\n", "line 1")]
    public void AnUnreadableFileIsNamedWithItsLine(string text, string line)
    {
        var error = Assert.Throws<FormatException>(() => TerraformDeployments.Find(Path.Combine(_directory, "broken.tf"), text));
        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MutatedFilesAreReadOrNamedNeverThrownOtherwise() =>
        Mutator.AssertReadOrNamed(Main, 35, text => TerraformDeployments.Find(Path.Combine(_directory, "fuzz.tf"), text));
}

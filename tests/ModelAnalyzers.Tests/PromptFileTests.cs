using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// Prompt files name their model by schema (issue 33): a .prompty's front matter and Semantic Kernel's execution
/// settings (config.json, prompt YAML) are judged whatever the value, located on it, and fixed in place in the form
/// they are written; everything else in them (descriptions, templates, other YAML) is left alone.
/// </summary>
public class PromptFileTests
{
    private const string Prompty = """
        ---
        name: Support answer
        description: Answers like gpt-4 would   # free text is not a model
        model:
          api: chat
          configuration:
            type: openai
            name: gpt-4   # retired
          parameters:
            max_tokens: 128
            temperature: 0.2
        sample:
          question: Which model? gpt-3.5-turbo
        ---
        system:
        You are gpt-4o-mini, a helpful assistant.
        user:
        {{question}}
        """;

    private static async Task<(TextDocument File, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string name, string text)
    {
        var document = await Workbench.CreateDocumentAsync("class C { }");
        document = Workbench.WithAdditionalFile(document, name, text);
        return (document.Project.AdditionalDocuments.Single(), await Workbench.AnalyzeAsync(document));
    }

    private static async Task<string> FixAsync(TextDocument file, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await new UseModelCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(file, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetAdditionalDocument(file.Id)!.GetTextAsync()).ToString();
    }

    private static string Target(Diagnostic diagnostic) => FixData.ReadOffers(diagnostic.Properties).First().Target;

    [Fact]
    public async Task APromptysConfiguredModelIsJudgedAndFixedInPlace()
    {
        var (file, diagnostics) = await AnalyzeAsync("support.prompty", Prompty);

        var diagnostic = Assert.Single(diagnostics);
        Assert.StartsWith("MDL0001 support.prompty(8,11): 'gpt-4' was shut down", Workbench.Describe(diagnostic), StringComparison.Ordinal);
        // The model moves; what the new model rejects is mended as in C# (max_tokens renamed, the temperature line
        // removed: it reasons); every other byte stays.
        string fixedText = await FixAsync(file, diagnostic);
        Assert.Equal(Prompty.Replace("name: gpt-4   # retired", $"name: {Target(diagnostic)}   # retired").Replace("max_tokens: 128", "max_completion_tokens: 128").Replace("    temperature: 0.2\n", ""), fixedText);
    }

    [Fact]
    public async Task AnAzureDeploymentInAPromptyIsJudgedAsADeploymentName()
    {
        const string prompty = """
            ---
            model:
              configuration:
                type: azure_openai
                azure_endpoint: ${env:AZURE_OPENAI_ENDPOINT}
                azure_deployment: "gpt-35-turbo"
            ---
            Hello
            """;
        var (_, diagnostics) = await AnalyzeAsync("azure.prompty", prompty);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MDL0001 azure.prompty(6,23)", Workbench.Describe(diagnostic)[..27]);
        Assert.Contains("Azure", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SemanticKernelConfigJsonAndPromptYamlAreJudgedAtTheirModelIds()
    {
        const string config = """
            {
              "schema": 1,
              "description": "Summarize with gpt-4",
              "execution_settings": {
                "default": { "model_id": "gpt-4", "max_tokens": 200 },
                "fast": { "model_id": "gpt-4o-mnii" }
              }
            }
            """;
        var (file, diagnostics) = await AnalyzeAsync("Summarize/config.json", config);

        Assert.Equal(new[] { "MDL0001 config.json(5,30)", "MDL0005 config.json(6,27)" }, diagnostics.Select(d => Workbench.Describe(d)[..25]).Order(StringComparer.Ordinal).ToArray());
        var retired = diagnostics.Single(d => d.Id == "MDL0001");
        Assert.Equal(config.Replace("\"model_id\": \"gpt-4\"", $"\"model_id\": \"{Target(retired)}\"").Replace("\"max_tokens\": 200", "\"max_completion_tokens\": 200"), await FixAsync(file, retired));

        const string yaml = """
            name: Story
            template: |
              Write a story about {{$topic}} as gpt-4 would.
              model_id: gpt-4
            template_format: semantic-kernel
            execution_settings:
              default:
                model_id: 'o1'
                temperature: 0.6
            """;
        var (yamlFile, yamlDiagnostics) = await AnalyzeAsync("Prompts/story.yaml", yaml);
        var onYaml = Assert.Single(yamlDiagnostics, d => d.Id == "MDL0001");
        Assert.Equal("MDL0001 story.yaml(8,15)", Workbench.Describe(onYaml)[..24]);
        Assert.Equal("MDL0004 story.yaml(9,18)", Workbench.Describe(Assert.Single(yamlDiagnostics, d => d.Id == "MDL0004"))[..24]); // o1 reasons: temperature 0.6 fails
        Assert.Equal(yaml.Replace("model_id: 'o1'", $"model_id: '{Target(onYaml)}'").Replace("    temperature: 0.6", ""), await FixAsync(yamlFile, onYaml));
    }

    [Fact]
    public async Task ParametersTheModelRejectsAreMDL0004AtTheirValue()
    {
        const string prompty = """
            ---
            model:
              configuration:
                name: gpt-5.4-mini
              parameters:
                temperature: 0.2
                top_p: 1
            ---
            Hello
            """;
        var (_, diagnostics) = await AnalyzeAsync("reason.prompty", prompty);
        var rejected = diagnostics.Where(d => d.Id == "MDL0004").ToList();

        var temperature = Assert.Single(rejected, d => Workbench.Describe(d).StartsWith("MDL0004 reason.prompty(6,18)", StringComparison.Ordinal));
        Assert.Contains("'gpt-5.4-mini' only accepts the default temperature (1) while it reasons: model.parameters.temperature = 0.2", temperature.GetMessage(), StringComparison.Ordinal);

        const string config = """
            { "execution_settings": { "default": { "model_id": "gpt-5.4-mini", "temperature": 0.7 }, "classic": { "model_id": "gpt-4.1", "temperature": 0.7 } } }
            """;
        var (_, onConfig) = await AnalyzeAsync("Chat/config.json", config);
        Assert.Equal(new[] { "MDL0004 config.json(1,83)" }, onConfig.Where(d => d.Id == "MDL0004").Select(d => Workbench.Describe(d)[..25]).ToArray());
    }

    [Fact]
    public async Task SwitchingAPromptsModelMendsTheParametersTheNewModelRejects()
    {
        const string prompty = """
            ---
            model:
              configuration:
                name: gpt-4-turbo
              parameters:
                max_tokens: 256
                temperature: 0.3
                top_p: 0.9
            ---
            Hello
            """;
        var (file, diagnostics) = await AnalyzeAsync("switch.prompty", prompty);
        var retired = Assert.Single(diagnostics);
        string target = Target(retired);

        string fixedText = await FixAsync(file, retired);
        var (_, after) = await AnalyzeAsync("switch.prompty", fixedText);

        Assert.Contains($"name: {target}", fixedText, StringComparison.Ordinal);
        Assert.Empty(after); // neither retired nor rejecting any parameter it sends
        Assert.Contains("Hello", fixedText, StringComparison.Ordinal);
        if (!fixedText.Contains("max_tokens: 256", StringComparison.Ordinal))
        {
            Assert.Contains("max_completion_tokens: 256", fixedText, StringComparison.Ordinal); // renamed, not dropped
        }
    }

    [Fact]
    public async Task TheDefaultTemperatureAndAModelThatTakesSamplingStaySilent()
    {
        const string prompty = """
            ---
            model:
              configuration:
                name: gpt-4.1
              parameters:
                temperature: 0.2
            ---
            """;
        var (_, diagnostics) = await AnalyzeAsync("classic.prompty", prompty);
        Assert.DoesNotContain(diagnostics, d => d.Id == "MDL0004");

        var (_, reasoning) = await AnalyzeAsync("one.prompty", "---\nmodel:\n  configuration:\n    name: gpt-5.4-mini\n  parameters:\n    temperature: 1\n---\n");
        Assert.DoesNotContain(reasoning, d => d.Id == "MDL0004");
    }

    [Theory]
    [InlineData("empty.prompty", "")]
    [InlineData("dashes.prompty", "---")]
    [InlineData("only-key.prompty", "---\nmodel:\n  configuration:\n    name:\n---\n")]
    [InlineData("tabs.yaml", "execution_settings:\n\tdefault:\n\t\tmodel_id: gpt-4\n")]
    [InlineData("deep.yaml", "execution_settings:\n" + "                                                                                                    a: b\n")]
    [InlineData("unterminated.yaml", "execution_settings:\n  default:\n    model_id: 'gpt-4\n")]
    [InlineData("config.json", "")]
    [InlineData("config.json", "{ \"execution_settings\": { \"default\": { \"model_id\": ")]
    public async Task EmptyTruncatedAndOddPromptFilesNeverThrow(string name, string text)
    {
        var (_, diagnostics) = await AnalyzeAsync(name, text); // Workbench.AnalyzeAsync fails on any analyzer exception
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task AUtf16PromptFileIsReadAsText()
    {
        var document = await Workbench.CreateDocumentAsync("class C { }");
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("---\nmodel:\n  configuration:\n    name: gpt-4\n---\n", System.Text.Encoding.Unicode);
        var project = document.Project.AddAdditionalDocument("wide.prompty", text, filePath: "/src/wide.prompty").Project;
        var diagnostics = await Workbench.AnalyzeAsync(project);
        Assert.Equal("MDL0001 wide.prompty(4,11)", Workbench.Describe(Assert.Single(diagnostics))[..26]);
    }

    [Theory]
    [InlineData("unterminated.prompty", "---\nmodel:\n  configuration:\n    name: gpt-4\n", "(1,1): not read: the front matter opened on line 1 is not closed by a '---' line")]
    [InlineData("Summarize/config.json", "{ \"execution_settings\": { \"default\": { \"model_id\": ", "(1,52): not read: invalid JSON: unexpected end of input")]
    public async Task APromptFileCutOffIsNamedWhereItBreaks(string name, string text, string expected)
    {
        var (_, diagnostics) = await AnalyzeAsync(name, text);

        Assert.Equal("MDL0900 " + Path.GetFileName(name) + expected + "; the file's model settings are not judged", Workbench.Describe(Assert.Single(diagnostics)));
    }

    [Theory]
    [InlineData("docker-compose.yml", "services:\n  bot:\n    image: bot\n    environment:\n      MODEL: gpt-4\n")]
    [InlineData("config.json", "{ \"Model\": \"gpt-4\", \"completion\": { \"model\": \"gpt-4\" } }")]
    [InlineData("broken.prompty", "---\nmodel:\n  configuration:\n    name: \"gpt-4\n---\n")]
    [InlineData("flow.yaml", "execution_settings: { default: { model_id: gpt-4 } }\n")]
    [InlineData("env.prompty", "---\nmodel:\n  configuration:\n    name: ${env:CHAT_MODEL}\n---\n")]
    public async Task OtherFilesKeysAndShapesStaySilent(string name, string text)
    {
        var (_, diagnostics) = await AnalyzeAsync(name, text);
        Assert.Empty(diagnostics);
    }
}

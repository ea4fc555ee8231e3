using System.Text;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// docs/sdks.md is generated from the site map and the request-option map. To regenerate it after a map change:
/// MODELANALYZERS_UPDATE_DOCS=1 dotnet test ModelAnalyzers.sln --filter SdkDocsTests
/// </summary>
public class SdkDocsTests
{
    [Fact]
    public void SdkPageMatchesTheSiteMap()
    {
        string path = RepositoryFiles.PathOf("docs/sdks.md");
        string expected = Render();
        if (Environment.GetEnvironmentVariable("MODELANALYZERS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        string actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            actual == expected,
            "docs/sdks.md is stale: run `MODELANALYZERS_UPDATE_DOCS=1 dotnet test ModelAnalyzers.sln --filter SdkDocsTests` and commit the result.");
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Supported SDK members\n\n");
        text.Append("<!-- Generated from src/ModelAnalyzers/Sites by SdkDocsTests; do not edit by hand. -->\n\n");
        text.Append("Members are matched by symbol inside the named assembly, never by text, so look-alike types in other packages are not sites. ");
        text.Append("A row whose type or member does not exist in the referenced SDK version is simply not found, which is how one map covers several versions. ");
        text.Append("`*` stands for every method and constructor of the type that has the parameter.\n\n");

        text.Append("## Model sites (MDL0001, MDL0002, MDL0003, MDL0005)\n\n");
        AppendSites(text, SdkSiteMap.ModelSites.Where(s => !s.IsDeployment));

        text.Append("\n## Azure deployment names (MDL0001, MDL0002; judged by Azure's retirement dates)\n\n");
        AppendSites(text, SdkSiteMap.ModelSites.Where(s => s.IsDeployment));

        text.Append("\n## Key sites (MDL0006)\n\n");
        AppendSites(text, SdkSiteMap.KeySites);

        text.Append("\n## Request options (MDL0004)\n\n");
        text.Append("| assembly | type | property | role | wire parameter |\n|---|---|---|---|---|\n");
        foreach (var option in RequestOptionMap.Options)
        {
            string wire = option.Parameter is null ? "" : $"`{option.Parameter}`" + (option.RenameTo is null ? "" : $" (use `{option.RenameTo}`)");
            text.Append($"| {option.Assembly} | `{option.Type}` | `{option.Property}` | {option.Role} | {wire} |\n");
        }

        text.Append("\n## Betalgo `Models` properties\n\n");
        text.Append($"`{BetalgoModels.TypeName}` exposes model ids as static properties, not constants; the analyzers read them from this map ");
        text.Append("(checked against Betalgo.Ranul.OpenAI 9.2.6 by a test), and the fix uses the target's property when the referenced version has one.\n\n");
        text.Append("| property | model id |\n|---|---|\n");
        foreach (var (property, id) in BetalgoModels.IdByProperty)
        {
            text.Append($"| `{property}` | `{id}` |\n");
        }

        text.Append("\n## Your own wrappers\n\n");
        text.Append("Outside the SDK assemblies, a string parameter named `model`, `modelId`, `modelName` or `deploymentName` (any case), ");
        text.Append("or a settable string property named `Model`, `ModelId` or `ModelName`, is a site when a known model id reaches it ");
        text.Append("(a literal, or a constant whose name says model). Unknown values there are never reported.\n\n");
        text.Append("## Values followed from a site\n\n");
        text.Append("From a site's argument or assigned value back to the literals it can hold, within the compilation; each literal is reported once, ");
        text.Append("at the literal a fix edits, however many sites reach it:\n\n");
        text.Append("| shape | example |\n|---|---|\n");
        text.Append("| literal, constant, concatenation, interpolation of constants | `GetChatClient(\"gpt-4\")`, `const string Model = Prefix + \"4\";` |\n");
        text.Append("| `( )`, `!`, `?:`, both sides of `??`, switch expressions (one list: `Values/ValueShapes.cs`) | `config[\"Ai:Model\"] ?? \"gpt-4\"` |\n");
        text.Append("| a local written only by its initializer; a const, readonly or static readonly field (also its constructor assignments) | `var model = \"gpt-4\";` |\n");
        text.Append("| a property of your own: its initializer and its getter's returns | `public string ChatModelId { get; set; } = \"gpt-4o\";`, `public string Model => config[\"Ai:Model\"] ?? \"gpt-5-mini\";` |\n");
        text.Append("| a method or local function of your own: its expression body or every `return` | `static string PickModel(string? m) => string.IsNullOrEmpty(m) ? \"gpt-4o\" : m;` |\n");
        text.Append("| a constructor initializer or primary-constructor base into an SDK constructor or a wrapper's model parameter | `class Summarizer() : AgentBase(\"o4-mini\")`, `MyChat(string k) : base(\"gpt-4\", k)` |\n");
        text.Append("| Betalgo's `Models` properties | `Models.Gpt_4` |\n");
        text.Append("| every write to a settings property or field of your own that a site reads (also through `IOptions<T>.Value`, `IOptionsSnapshot<T>.Value`, `IOptionsMonitor<T>.CurrentValue`): assignments, also in lambdas | `services.Configure<AiOptions>(o => o.ChatModel = \"gpt-4\");`, `PostConfigure<T>`, `AddOptions<T>().Configure(...)` |\n");
        text.Append("| ... object initializers, `init`, `with` expressions | `new BotSettings { ChatModel = \"gpt-4\" }`, `settings with { ChatModel = \"o3\" }` |\n");
        text.Append("| ... positional records and primary constructors | `record BotSettings(string ChatModel);` `new BotSettings(\"gpt-4\")`; `class Agent(string model) { public string Model { get; } = model; }` |\n");
        text.Append("| a configuration key read at the site: the appsettings*.json / launchSettings.json values of that key | `config[\"Ai:Model\"]`, `config.GetValue<string>(\"Ai:Model\")`, `config.GetSection(\"Ai\")[\"Model\"]`, `GetSection(\"Ai:Model\").Value` |\n");
        text.Append("| a settings member bound to a configuration section: the values of `Section:Member` (nested classes: `Ai:Chat:Name`; `[ConfigurationKeyName]` honoured; `Ai__Engine` in launch profiles) | `services.Configure<AiOptions>(config.GetSection(\"Ai\"))`, `AddOptions<AiOptions>().Bind(...)` / `.BindConfiguration(\"Ai\")`, `config.GetSection(\"Ai\").Get<AiOptions>()`, `section.Bind(options)` |\n\n");
        text.Append("A write is reported in its own file (the IDE shows it and fixes it there as you type); a member no site reads stays silent (display names, price tables), ");
        text.Append("and so does a comparison. Linked settings keys are judged whatever their names. Not followed: parameters (the caller's argument is judged where a wrapper's ");
        text.Append("model-named parameter receives it), SDK and BCL calls, other indexers, a configuration section passed in from elsewhere (its path is not known), ");
        text.Append("binding the configuration root to a type (`Configure<T>(configuration)` without a section), and target-typed `new(...)` of a record in a file that never names the type.\n\n");
        text.Append("## Versions tested, and what the package mirror does not serve\n\n");
        text.Append("Every row above is found by symbol in the versions the tests compile against: OpenAI 2.1.0 (the realtime `RealtimeConversation` types), ");
        text.Append("2.10.0 and 2.15.0; Microsoft.Extensions.AI.OpenAI 10.11.0; Microsoft.SemanticKernel.Connectors.OpenAI and .AzureOpenAI 1.82.0; ");
        text.Append("Azure.AI.OpenAI 2.1.0; Betalgo.Ranul.OpenAI 9.2.6. Not served by the package mirror these tests restore from, so not mapped ");
        text.Append("(no stubs are written in their place): Microsoft.Extensions.AI.OpenAI 9.x (`AsChatClient(OpenAIClient, modelId)`), Microsoft.Agents.AI.OpenAI, ");
        text.Append("Aspire.OpenAI, Microsoft.KernelMemory (`OpenAIConfig.TextModel`), Microsoft.SemanticKernel.Agents.OpenAI, ");
        text.Append("Aspire.Hosting.Azure.CognitiveServices (the AppHost's `AddAzureOpenAI(...).AddDeployment(...)`: its deployments are not read; ");
        text.Append("Bicep, ARM JSON and Terraform deployments are, see [azure.md](azure.md)).\n\n");
        text.Append("## Settings files\n\n");
        text.Append("`appsettings*.json` (added as AdditionalFiles by the package) and any AdditionalFile marked `ModelAnalyzersSettings=\"true\"`: ");
        text.Append("a value is a site when its key names a model (`Model`, `ModelId`, `ModelName`, `ChatModel`, `EmbeddingModel`, `DeploymentName`, ");
        text.Append("or any key ending in `Model`/`ModelId`, any case) and the whole value is a known model id; a key a site reads (above) is judged whatever its name. ");
        text.Append("Prompt files name their model by schema: `.prompty` front matter (`model.configuration` `name`/`model`/`model_id`, `azure_deployment` as a deployment name), ");
        text.Append("Semantic Kernel's `config.json` beside `skprompt.txt` and prompt YAML (`execution_settings.<service>.model_id`). See [configuration](configuration.md#settings-files).\n");
        return text.ToString();
    }

    private static void AppendSites(StringBuilder text, IEnumerable<SdkSite> sites)
    {
        text.Append("| assembly | type | member | parameter |\n|---|---|---|---|\n");
        foreach (var site in sites)
        {
            string parameter = site.IsProperty ? "(property)" : $"`{site.Parameter}`";
            text.Append($"| {site.Assembly} | `{site.Type}` | `{site.Member}` | {parameter} |\n");
        }
    }
}

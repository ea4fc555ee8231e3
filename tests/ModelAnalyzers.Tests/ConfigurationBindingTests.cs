using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// Configuration bound to what a site reads (issue 33): the keys of appsettings*.json and launchSettings.json that a
/// site reads, directly (config["Ai:Engine"]) or through a bound settings class, are judged whatever their names and
/// fixed in place; a key nothing binds stays judged by its name alone. The harness drops AdditionalFile diagnostics,
/// so a workspace with the real Microsoft.Extensions packages is used.
/// </summary>
public class ConfigurationBindingTests
{
    private const string Options = """
        public class AiOptions
        {
            public string Engine { get; set; } = "";
            public ChatSection Chat { get; set; } = new();
            public string Title { get; set; } = "";
        }

        public class ChatSection
        {
            public string Name { get; set; } = "";
        }
        """;

    private const string Settings = """
        {
          // The app's AI settings: none of these keys says "model".
          "Ai": {
            "Engine": "gpt-3.5-turbo",
            "Chat": { "Name": "o1" },
            "Title": "gpt-4",
            "Unused": "gpt-4"
          },
          "Other": { "Engine": "gpt-4" }
        }
        """;

    private static async Task<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string code, string settings = Settings, string settingsName = "appsettings.json")
    {
        var project = await Workbench.CreateProjectAsync(references: OptionsPatternTests.Hosting);
        project = project.AddDocument("Options.cs", Options, filePath: "/src/Options.cs").Project;
        project = project.AddDocument("Program.cs", code, filePath: "/src/Program.cs").Project;
        project = project.AddAdditionalDocument(Path.GetFileName(settingsName), settings, filePath: "/src/" + settingsName).Project;
        var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return (project, await Workbench.AnalyzeAsync(project));
    }

    private static string[] Described(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => Workbench.Describe(d)[..Workbench.Describe(d).IndexOf(':', 12)]).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("services.Configure<AiOptions>(configuration.GetSection(\"Ai\"));")]
    [InlineData("services.AddOptions<AiOptions>().Bind(configuration.GetSection(\"Ai\"));")]
    [InlineData("services.AddOptions<AiOptions>().BindConfiguration(\"Ai\");")]
    [InlineData("var section = configuration.GetRequiredSection(\"Ai\"); services.Configure<AiOptions>(section);")]
    [InlineData("IConfiguration built = new ConfigurationBuilder().Build(); services.Configure<AiOptions>(built.GetSection(\"Ai\"));")]
    [InlineData("var root = new ConfigurationBuilder().Build(); services.AddOptions<AiOptions>().Bind(root.GetSection(\"Ai\"));")]
    public async Task ABoundSectionLinksTheKeysTheSitesRead(string binding)
    {
        var (_, diagnostics) = await AnalyzeAsync($$"""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            using OpenAI.Chat;

            public static class Program
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                {
                    {{binding}}
                }

                public static ChatClient Chat(IOptions<AiOptions> options) => new(options.Value.Engine, "key");
                public static ChatClient Named(IOptionsSnapshot<AiOptions> options) => new(options.Value.Chat.Name, "key");
            }
            """);

        // Ai:Engine and Ai:Chat:Name are read by sites; Ai:Title, Ai:Unused and Other:Engine are not.
        Assert.Equal(new[] { "MDL0001 appsettings.json(4,15)", "MDL0001 appsettings.json(5,23)" }, Described(diagnostics));
    }

    [Theory]
    [InlineData("configuration[\"Ai:Engine\"]")]
    [InlineData("configuration.GetValue<string>(\"ai:engine\")")]
    [InlineData("configuration.GetSection(\"Ai\")[\"Engine\"]")]
    [InlineData("configuration.GetSection(\"Ai:Engine\").Value")]
    [InlineData("configuration.GetSection(\"Ai\").Get<AiOptions>()!.Engine")]
    [InlineData("configuration[\"Ai:Engine\"] ?? \"gpt-6-luna\"")]
    public async Task AKeyReadAtTheSiteIsLinked(string read)
    {
        var (_, diagnostics) = await AnalyzeAsync($$"""
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            public static class Program
            {
                public static ChatClient Chat(IConfiguration configuration) => new({{read}}, "key");
            }
            """);

        Assert.Equal(new[] { "MDL0001 appsettings.json(4,15)" }, Described(diagnostics));
    }

    [Fact]
    public async Task AKeyNothingReadsAndASectionNothingBindsStaySilent()
    {
        var (_, diagnostics) = await AnalyzeAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI.Chat;

            public static class Program
            {
                public static void Add(IServiceCollection services, IConfiguration configuration, IConfigurationSection passedIn)
                {
                    services.Configure<AiOptions>(passedIn); // a section from elsewhere: its path is not known
                    var title = configuration["Ai:Title"];    // read, but by no site
                }

                public static ChatClient Chat(AiOptions options) => new(options.Engine, "key");
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task LaunchProfilesSetTheSameKeysThroughEnvironmentVariables()
    {
        var (_, diagnostics) = await AnalyzeAsync("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            using OpenAI.Chat;

            public static class Program
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) =>
                    services.Configure<AiOptions>(configuration.GetSection("Ai"));

                public static ChatClient Chat(IOptions<AiOptions> options) => new(options.Value.Engine, "key");
            }
            """, """
            {
              "profiles": {
                "Bot": {
                  "environmentVariables": { "Ai__Engine": "o3-mini", "Ai__Title": "gpt-4", "OPENAI_MODEL": "gpt-4" }
                }
              }
            }
            """, "Properties/launchSettings.json");

        // Ai__Engine is linked; OPENAI_MODEL is judged by its name (as before); Ai__Title is neither.
        Assert.Equal(new[] { "MDL0001 launchSettings.json(4,47)", "MDL0001 launchSettings.json(4,96)" }, Described(diagnostics));
    }

    [Fact]
    public async Task ALinkedKeyIsFixedInPlaceAndReportedOnceWhenItsNameSaysModelToo()
    {
        const string settings = """
            { "Ai": { "Engine": "gpt-3.5-turbo", "ChatModel": "gpt-4" } }
            """;
        var (project, diagnostics) = await AnalyzeAsync("""
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            public static class Program
            {
                public static ChatClient Chat(IConfiguration c) => new(c["Ai:Engine"], "key");
                public static ChatClient Other(IConfiguration c) => new(c["Ai:ChatModel"], "key");
            }
            """, settings);

        Assert.Equal(new[] { "MDL0001 appsettings.json(1,21)", "MDL0001 appsettings.json(1,51)" }, Described(diagnostics));

        var document = project.AdditionalDocuments.Single();
        var diagnostic = diagnostics.First();
        var actions = new List<CodeAction>();
        await new UseModelCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        string text = (await solution.GetAdditionalDocument(document.Id)!.GetTextAsync()).ToString();
        string target = FixData.ReadOffers(diagnostic.Properties).First().Target;
        Assert.Equal(settings.Replace("\"Engine\": \"gpt-3.5-turbo\"", $"\"Engine\": \"{target}\""), text);
    }
}

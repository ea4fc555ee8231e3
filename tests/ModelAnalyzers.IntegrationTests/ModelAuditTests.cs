using System.Text.Json;
using System.Text.RegularExpressions;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>model-audit run as a user runs it (a separate process) on the demo app and on fresh projects.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class ModelAuditTests
{
    private const string AsOf = "2026-11-23";

    private readonly PackageFixture _package;

    public ModelAuditTests(PackageFixture package) => _package = package;

    private static string Demo => RepositoryFiles.PathOf("samples/DemoApp");

    private static string Tool => ModelAuditTool.Path;

    private static Task<CommandResult> AuditAsync(string directory, params string[] arguments) =>
        DotNet.RunAsync(directory, new[] { Tool }.Concat(arguments).ToArray());

    [Fact]
    public async Task ConsoleTableOnTheDemoShowsEveryModelWithTargetAndSaving()
    {
        var started = DateTime.UtcNow;
        var audit = await AuditAsync(Demo, ".", "--as-of", AsOf);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1), "the demo audit took more than a minute");
        Assert.Contains("judged at 2026-11-23", audit.Output);
        Assert.Matches(@"gpt-4\s+│ retired\s+│ 2026-10-23 │ 1\s+│ DemoApp\s+│ gpt-6\.2-sol\s+│ 93\.3% lower\s+│ 83\.3% lower\s+│ 89\.3%", audit.Output);
        Assert.Matches(@"gpt-6-luna\s+│ fine", audit.Output);
        Assert.Matches(@"DemoApp\s+│ 4\s+│ 1\s+│ audited", audit.Output);
        Assert.Contains("Program.cs:12:36 MDL0001 'gpt-4' was shut down on 2026-10-23", audit.Output);
    }

    [Fact]
    public async Task TheHeaderGivesTheDateTheVerdictsUsed()
    {
        // The team's .editorconfig pins the date: the verdicts and the header both use it, not the command's.
        using var project = await ConsumerProject.CreateAsync(_package, "var c = new OpenAI.Chat.ChatClient(\"gpt-4o\", \"k\");", editorConfig: "model_analyzers.as_of_date = 2027-01-15");

        var audit = await AuditAsync(project.Directory, ".", "--as-of", AsOf);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains("judged at 2027-01-15", audit.Output);
        Assert.Matches(@"gpt-4o\s+│ retired", audit.Output);
    }

    [Fact]
    public async Task MarkdownHasOneRowPerModelAndDollarsPerMonth()
    {
        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.md");
        var audit = await AuditAsync(Demo, ".", "--as-of", AsOf, "--format", "markdown", "--output", output,
            "--monthly-input-tokens", "100000000", "--monthly-output-tokens", "20000000");

        Assert.True(audit.ExitCode == 0, audit.ToString());
        string markdown = File.ReadAllText(output);
        Assert.Contains("| `gpt-4` | retired | 2026-10-23 | 1 | DemoApp | `gpt-6.2-sol` | 93.3% lower | 83.3% lower | 89.3% | $3,800.00 |", markdown);
        Assert.Contains("| `gpt-6-luna` | fine |  | 1 | DemoApp |", markdown);
        Assert.Contains("Saving at the given monthly volumes: **$6,608.00/month**", markdown);

        // A pasteable table: every row of the model table has as many cells as its header.
        var table = markdown.Split('\n').SkipWhile(l => !l.StartsWith("| Model |", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(8, table.Count);
        Assert.All(table, row => Assert.Equal(11, UnescapedPipe().Matches(row).Count));
    }

    [Fact]
    public async Task JsonIsValidAgainstTheDocumentedSchema()
    {
        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        var audit = await AuditAsync(Demo, ".", "--as-of", AsOf, "--format", "json", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/cli-report.schema.json")));
        Assert.Empty(SchemaCheck.Errors(schema.RootElement, report.RootElement, "$"));
        var totals = report.RootElement.GetProperty("totals");
        Assert.Equal((6, 5, 4, 1), (totals.GetProperty("models").GetInt32(), totals.GetProperty("findings").GetInt32(), totals.GetProperty("retired").GetInt32(), totals.GetProperty("deprecated").GetInt32()));
        var gpt4 = report.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "gpt-4");
        Assert.Equal("gpt-6.2-sol", gpt4.GetProperty("target").GetString());
        Assert.Equal(89.3, gpt4.GetProperty("blendedSavingPercent").GetDouble());
    }

    [Fact]
    public async Task SarifCarriesRulesAndOneResultPerFinding()
    {
        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.sarif");
        var audit = await AuditAsync(Demo, ".", "--as-of", AsOf, "--format", "sarif", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("MDL0001", rules);
        Assert.Contains("MDL0004", rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        var first = results.First(r => r.GetProperty("ruleId").GetString() == "MDL0001");
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(12, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("warning", first.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData("retired", 1)]
    [InlineData("deprecated", 1)]
    [InlineData("costlier", 1)]
    public async Task FailOnSetsTheExitCodeWhenAModelMatches(string failOn, int exitCode)
    {
        var audit = await AuditAsync(Demo, ".", "--as-of", AsOf, "--fail-on", failOn);
        Assert.True(audit.ExitCode == exitCode, audit.ToString());
    }

    [Fact]
    public async Task FailOnPassesWhenEveryModelIsCurrent()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            var client = new OpenAI.Chat.ChatClient("gpt-6-luna", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
            Console.WriteLine(client);
            """);

        var audit = await AuditAsync(project.Directory, ".", "--as-of", AsOf, "--fail-on", "costlier");

        Assert.True(audit.ExitCode == 0, audit.ToString());
    }

    [Fact]
    public async Task DryRunShowsADiffAndFixRewritesCodeAndSettingsSoTheProjectBuilds()
    {
        using var project = await ConsumerProject.CreateAsync(
            _package,
            """
            using OpenAI.Chat;

            var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
            var retired = new ChatClient("gpt-4", key);
            var reasoning = new ChatClient("o1", key);
            Console.WriteLine($"{retired}{reasoning}");
            """,
            appSettings: """{ "OpenAI": { "ChatModel": "gpt-4" } }""");

        // Saved with a byte-order mark, as Visual Studio does: the fix keeps the file's encoding.
        string programPath = Path.Combine(project.Directory, "Program.cs");
        File.WriteAllText(programPath, project.Read("Program.cs"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var dryRun = await AuditAsync(project.Directory, ".", "--as-of", AsOf, "--fix", "--target", "gpt-5.6-sol", "--dry-run");
        string unchanged = project.Read("Program.cs");
        var fix = await AuditAsync(project.Directory, ".", "--as-of", AsOf, "--fix", "--target", "gpt-5.6-sol");
        var build = await project.BuildAsync();

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        string diff = dryRun.Output.ReplaceLineEndings("\n");
        Assert.Contains("--- a/Program.cs\n+++ b/Program.cs\n@@ -1,6 +1,6 @@\n", diff);
        Assert.Contains("\n-var retired = new ChatClient(\"gpt-4\", key);\n", diff);
        Assert.Contains("\n+var retired = new ChatClient(\"gpt-5.6-sol\", key);\n", diff);
        Assert.Contains("--- a/appsettings.json\n+++ b/appsettings.json\n", diff);
        Assert.Contains("new ChatClient(\"gpt-4\", key)", unchanged);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("new ChatClient(\"gpt-5.6-sol\", key)", project.Read("Program.cs"));
        Assert.Contains("new ChatClient(\"gpt-5.6-sol\", key);\nConsole", project.Read("Program.cs").ReplaceLineEndings("\n"));
        Assert.Equal("""{ "OpenAI": { "ChatModel": "gpt-5.6-sol" } }""", project.Read("appsettings.json"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(programPath)[..3]);
        Assert.Empty(Directory.GetFiles(project.Directory, "*.model-audit.tmp"));
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
    }

    [Fact]
    public async Task EnvironmentComposeAndPromptFilesAreAuditedAndFixedInPlace()
    {
        using var project = await ConsumerProject.CreateAsync(
            _package,
            """
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            IConfiguration configuration = new ConfigurationBuilder().Build();
            var chat = new ChatClient(configuration["Ai:Engine"] ?? "gpt-6-luna", "key");
            Console.WriteLine(chat);
            """,
            packages: ("Microsoft.Extensions.Configuration", "8.0.0"));
        project.Write(".env", "# local overrides\nAi__Engine=gpt-4\nGREETING=gpt-4\n");
        project.Write("docker-compose.yml", "services:\n  bot:\n    environment:\n      Ai__Engine: \"o1\"   # the chat model\n      OPENAI_MODEL: gpt-4-turbo\n      LOG_LEVEL: info\n");
        project.Write("support.prompty", "---\nmodel:\n  configuration:\n    name: gpt-4\n---\nAnswer like gpt-4.\n");

        var audit = await AuditAsync(project.Directory, ".", "--as-of", AsOf);
        var fix = await AuditAsync(project.Directory, ".", "--as-of", AsOf, "--fix", "--target", "gpt-5.6-sol");
        var build = await project.BuildAsync();

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains(".env:2", audit.Output);
        Assert.Contains("docker-compose.yml:4", audit.Output);
        Assert.Contains("docker-compose.yml:5", audit.Output);
        Assert.Contains("support.prompty:4", audit.Output);
        Assert.DoesNotContain(".env:3", audit.Output); // GREETING is neither linked nor model-named
        Assert.Contains("site(s) in 1 project(s) and environment files, judged at", audit.Output); // a file group is no project
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal("# local overrides\nAi__Engine=gpt-5.6-sol\nGREETING=gpt-4\n", project.Read(".env"));
        Assert.Equal("services:\n  bot:\n    environment:\n      Ai__Engine: \"gpt-5.6-sol\"   # the chat model\n      OPENAI_MODEL: gpt-5.6-sol\n      LOG_LEVEL: info\n", project.Read("docker-compose.yml"));
        Assert.Equal("---\nmodel:\n  configuration:\n    name: gpt-5.6-sol\n---\nAnswer like gpt-4.\n", project.Read("support.prompty"));
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
    }

    [Fact]
    public async Task BicepDeploymentsAreJudgedByAzuresCalendarAndFixedWhereWritten()
    {
        using var project = await ConsumerProject.CreateAsync(_package, "Console.WriteLine(\"infra only\");");
        Directory.CreateDirectory(Path.Combine(project.Directory, "infra"));
        const string bicep = "param chatModelName string = 'gpt-35-turbo'\n\nresource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  name: 'chat'\n  sku: { name: 'Standard', capacity: 30 }\n  properties: {\n    model: { format: 'OpenAI', name: chatModelName, version: '0613' }\n  }\n}\n";
        project.Write("infra/main.bicep", bicep);
        project.Write("infra/broken.bicep", "resource x 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  name: 'chat\n}\n");
        Directory.CreateDirectory(Path.Combine(project.Directory, "infra", "tf"));
        project.Write("infra/tf/openai.tf", "resource \"azurerm_cognitive_deployment\" \"chat\" {\n  name = \"chat\"\n  model {\n    format  = \"OpenAI\"\n    name    = \"gpt-35-turbo\"\n    version = \"0301\"\n  }\n  sku {\n    name = \"Standard\"\n  }\n}\n");

        var audit = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07");
        var dryRun = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--fix", "--dry-run");

        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains("main.bicep:1:", audit.Output.ReplaceLineEndings(" "));
        Assert.Contains("Azure retired gpt-35-turbo 0613 (Standard)", audit.Output.ReplaceLineEndings(" ").Replace("  ", " "));
        Assert.Contains("broken.bicep: not read: line 2", audit.Output.ReplaceLineEndings(" "));
        Assert.Contains("openai.tf:5:", audit.Output.ReplaceLineEndings(" "));
        Assert.Contains("site(s) in 1 project(s) and infrastructure files, judged at", audit.Output);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        string diff = dryRun.Output.ReplaceLineEndings("\n");
        Assert.Contains("-param chatModelName string = 'gpt-35-turbo'\n+param chatModelName string = 'gpt-5.4-mini'", diff);
        Assert.Contains("version: '2026-03-17'", diff);
        Assert.Contains("+    name    = \"gpt-5.4-mini\"", diff);
        Assert.Equal(bicep, project.Read("infra/main.bicep")); // a dry run writes nothing
    }

    // Issue 34's done-when, as a user: code calls GetChatClient("chat"), infra/ deploys gpt-35-turbo 0613 as "chat".
    [Fact]
    public async Task ACodeDeploymentNameIsJudgedByTheInfrastructureThatDefinesIt()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            var azure = new Azure.AI.OpenAI.AzureOpenAIClient(new Uri("https://acme.openai.azure.com"), new System.ClientModel.ApiKeyCredential("k"));
            Console.WriteLine(azure.GetChatClient("chat"));
            """, packages: ("Azure.AI.OpenAI", "2.1.0"));
        Directory.CreateDirectory(Path.Combine(project.Directory, "infra"));
        const string bicep = "param chatModelName string = 'gpt-35-turbo'\n\nresource chat 'Microsoft.CognitiveServices/accounts/deployments@2023-05-01' = {\n  name: 'chat'\n  sku: { name: 'Standard', capacity: 30 }\n  properties: {\n    model: { format: 'OpenAI', name: chatModelName, version: '0613' }\n  }\n}\n";
        project.Write("infra/main.bicep", bicep);
        string json = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        string sarif = Path.ChangeExtension(json, ".sarif");

        var audit = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--format", "markdown");
        var report = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--format", "json", "--output", json);
        var sarifRun = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--format", "sarif", "--output", sarif);
        var dryRun = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--fix", "--dry-run");
        var before = await DotNet.RunAsync(project.Directory, "build", "-p:ModelAnalyzersAsOfDate=2026-12-07");
        var overlay = await AuditAsync(project.Directory, "deployments", ".", "--as-of", "2026-12-07", "--write-overlay");
        var after = await DotNet.RunAsync(project.Directory, "build", "--no-incremental", "-p:ModelAnalyzersAsOfDate=2026-12-07");

        Assert.True(audit.ExitCode == 0, audit.ToString());
        string markdown = audit.Output.ReplaceLineEndings("\n");
        Assert.Contains("### Deployments", markdown);
        Assert.Contains("| `chat` | `gpt-35-turbo` | 0613 | Standard | retired | 2025-02-13 | gpt-5.4-mini 2026-03-17 (Azure suggests gpt-35-turbo (0125) or gpt-4o-mini) | infra/main.bicep:7 (value at infra/main.bicep:1) |", markdown);
        Assert.Contains("Program.cs:2` | `chat` | Azure deployment 'chat' (defined in infra/main.bicep:7) runs gpt-35-turbo 0613: Azure retired gpt-35-turbo 0613 (Standard) on 2025-02-13", markdown);

        Assert.True(report.ExitCode == 0, report.ToString());
        using (var document = JsonDocument.Parse(File.ReadAllText(json)))
        using (var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/cli-report.schema.json"))))
        {
            Assert.Empty(SchemaCheck.Errors(schema.RootElement, document.RootElement, "$"));
            var deployment = Assert.Single(document.RootElement.GetProperty("deployments").EnumerateArray());
            Assert.Equal(("chat", "retired", "infra/main.bicep:1"), (deployment.GetProperty("name").GetString(), deployment.GetProperty("status").GetString(), deployment.GetProperty("writtenAt").GetString()));
        }

        Assert.True(sarifRun.ExitCode == 0, sarifRun.ToString());
        using (var document = JsonDocument.Parse(File.ReadAllText(sarif)))
        {
            var locations = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation"))
                .Select(l => $"{l.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{l.GetProperty("region").GetProperty("startLine").GetInt32()}")
                .ToList();
            Assert.Contains(locations, l => l.EndsWith("infra/main.bicep:1", StringComparison.Ordinal)); // at the parameter's default
            Assert.Contains(locations, l => l.EndsWith("Program.cs:2", StringComparison.Ordinal));
        }

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("-param chatModelName string = 'gpt-35-turbo'\n+param chatModelName string = 'gpt-5.4-mini'", dryRun.Output.ReplaceLineEndings("\n"));
        Assert.Equal(bicep, project.Read("infra/main.bicep"));

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.DoesNotContain("Azure deployment 'chat'", before.Output); // a build alone does not know what "chat" runs
        Assert.True(overlay.ExitCode == 0, overlay.ToString());
        Assert.Contains("\"definedIn\": \"infra/main.bicep:7\"", project.Read("modelanalyzers.models.json"));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("Program.cs(2,", after.Output);
        Assert.Contains("warning MDL0001: Azure deployment 'chat' (defined in infra/main.bicep:7) runs gpt-35-turbo 0613", after.Output);
    }

    // model-audit analyzes only the files whose words and syntax can hold a finding; what a file's analysis reports in
    // another file (a shared const's model or key), per-file severities and a turned-off rule must still match the build.
    [Fact]
    public async Task TheAuditReportsWhatTheBuildReportsWhileSkippingFilesThatCannotHoldAFinding()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            var client = new OpenAI.OpenAIClient(Keys.Primary);
            Console.WriteLine(client.GetChatClient(Models.Chat));
            Console.WriteLine(client.GetChatClient("gpt4o-mini"));
            Console.WriteLine(new OpenAI.Chat.ChatClient(Settings.Current.ChatModel, "k"));
            Console.WriteLine(client.GetChatClient(Legacy.Chat));
            """);
        project.Write("Models.cs", "static class Models { public const string Chat = \"gpt-4\"; }\n");
        // Suppressed where it is written: the build's driver honors the pragma in the const's own file, and so must the audit.
        project.Write("Legacy.cs", "static class Legacy\n{\n#pragma warning disable MDL0001\n    public const string Chat = \"gpt-3.5-turbo\";\n#pragma warning restore MDL0001\n}\n");
        project.Write("Keys.cs", "static class Keys { public const string Primary = \"sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f\"; }\n");
        project.Write("Settings.cs", "sealed class Settings { public static Settings Current { get; } = new() { ChatModel = \"o1\" }; public string ChatModel { get; init; } = \"\"; }\n");
        project.Write("Cars.cs", "sealed class Car { public string Model { get; set; } = \"\"; static Car Make() => new() { Model = \"gpt-4 turbo edition\" }; }\n");
        project.Write("Plain.cs", "static class Plain { public static string Label(string input) => input.StartsWith(\"gpt-4\") ? \"legacy\" : \"gpt-5-mini\"; }\n");
        // Generated files are skipped, as the compiler's driver decides: by name, by header, or as .editorconfig says.
        project.Write("Client.g.cs", "static class GeneratedClient { public static object Make() => new OpenAI.Chat.ChatClient(\"gpt-4\", \"k\"); }\n");
        project.Write("Header.cs", "// <auto-generated/>\nstatic class HeaderClient { public static object Make() => new OpenAI.Chat.ChatClient(\"gpt-4\", \"k\"); }\n");
        project.Write("Marked.cs", "static class MarkedClient { public static object Make() => new OpenAI.Chat.ChatClient(\"gpt-4\", \"k\"); }\n");
        project.Write("Vendor.g.cs", "static class VendorClient { public static object Make() => new OpenAI.Chat.ChatClient(\"gpt-4\", \"k\"); }\n");
        project.Write(".editorconfig", "root = true\n[Plain.cs]\ndotnet_diagnostic.MDL0001.severity = none\n[*.cs]\nmodel_analyzers.as_of_date = 2026-12-07\n"
            + "[Marked.cs]\ngenerated_code = true\n[Vendor.g.cs]\ngenerated_code = false\n");
        var (built, audited) = await BuildAndAuditAsync(project.Directory, ".");
        Assert.Contains("Models.cs:1 MDL0001", built); // reported in the const's file by the analysis of Program.cs
        Assert.Contains("Keys.cs:1 MDL0006", built);
        Assert.Contains("Settings.cs:1 MDL0001", built); // o1, written where a site reads it: reported at the write
        Assert.DoesNotContain(built, b => b.StartsWith("Legacy.cs", StringComparison.Ordinal));
        Assert.Contains("Vendor.g.cs:1 MDL0001", built);
        Assert.DoesNotContain(built, b => b.StartsWith("Client.g.cs", StringComparison.Ordinal) || b.StartsWith("Header.cs", StringComparison.Ordinal) || b.StartsWith("Marked.cs", StringComparison.Ordinal));
        Assert.Equal(built, audited);
    }

    // The audit leaves the platform's generators out of its compilations (PlatformAnalyzers), but a team's own
    // generator runs: here it generates the const a site reads, so without it the audit would miss the finding.
    [Fact]
    public async Task ATeamsOwnSourceGeneratorRunsInTheAuditAsInTheBuild()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            Console.WriteLine(new OpenAI.Chat.ChatClient(GeneratedModels.Chat, "k"));
            """);
        System.IO.Directory.CreateDirectory(Path.Combine(project.Directory, "gen"));
        project.Write("gen/Gen.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <IsRoslynComponent>true</IsRoslynComponent>
                <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        project.Write("gen/ModelsGenerator.cs", """
            using Microsoft.CodeAnalysis;

            [Generator]
            public sealed class ModelsGenerator : IIncrementalGenerator
            {
                public void Initialize(IncrementalGeneratorInitializationContext context) =>
                    context.RegisterPostInitializationOutput(c => c.AddSource("GeneratedModels.g.cs", "static class GeneratedModels { public const string Chat = \"gpt-4\"; }\n"));
            }
            """);
        project.Write("Consumer.csproj", project.Read("Consumer.csproj").Replace("</Project>", """
              <ItemGroup>
                <Compile Remove="gen/**" />
                <ProjectReference Include="gen/Gen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """));
        Assert.Equal(0, (await DotNet.RunAsync(project.Directory, "restore", "Consumer.csproj")).ExitCode);
        var (built, audited) = await BuildAndAuditAsync(project.Directory, "Consumer.csproj");
        Assert.Equal(new[] { "GeneratedModels.g.cs:1 MDL0001" }, built);
        Assert.Equal(built, audited);
    }

    /// <summary>
    /// Builds <paramref name="target"/> from scratch and audits it at 2026-12-07: the build's MDL warnings and the
    /// audit's findings, each as "File.cs:line MDLxxxx", sorted, for comparing the two.
    /// </summary>
    private static async Task<(string[] Built, string[] Audited)> BuildAndAuditAsync(string directory, string target)
    {
        string json = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        var build = await DotNet.RunAsync(directory, "build", target, "--no-incremental");
        var audit = await AuditAsync(directory, target, "--as-of", "2026-12-07", "--format", "json", "--output", json);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(audit.ExitCode == 0, audit.ToString());
        var built = System.Text.RegularExpressions.Regex.Matches(build.Output, @"([A-Za-z.]+\.cs)\((\d+),\d+\): warning (MDL\d+)")
            .Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value} {m.Groups[3].Value}").Distinct().Order(StringComparer.Ordinal).ToArray();
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var audited = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{Path.GetFileName(f.GetProperty("file").GetString())}:{f.GetProperty("line").GetInt32()} {f.GetProperty("ruleId").GetString()}")
            .Order(StringComparer.Ordinal).ToArray();
        return (built, audited);
    }

    // MSBuild loads a multi-targeted project once per framework: the report has one row, each site once, and --fix
    // fixes what each framework's #if keeps, in one write of the file.
    [Fact]
    public async Task AMultiTargetedProjectIsOneProjectWithEachSiteOnceAndEveryFrameworksCodeFixed()
    {
        const string program = """
            using OpenAI.Chat;

            #if NET8_0
            var chat = new ChatClient("gpt-4", "key");
            #else
            var chat = new ChatClient("gpt-3.5-turbo", "key");
            #endif
            Console.WriteLine(new ChatClient("o1", "key").ToString() + chat);
            """;
        using var project = await ConsumerProject.CreateAsync(_package, program, appSettings: """{ "Ai": { "ChatModel": "gpt-4" } }""");
        project.Write("Consumer.csproj", project.Read("Consumer.csproj").Replace("<TargetFramework>net8.0</TargetFramework>", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>"));
        Assert.Equal(0, (await DotNet.RunAsync(project.Directory, "restore")).ExitCode);
        string json = Path.Combine(project.Directory, "audit.json");

        var audit = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--format", "json", "--output", json);
        var fix = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--fix");
        var build = await project.BuildAsync();

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using (var report = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var projects = report.RootElement.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
            Assert.Equal(new[] { "Consumer" }, projects);
            var findings = report.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{Path.GetFileName(f.GetProperty("file").GetString())}:{f.GetProperty("line").GetInt32()} {f.GetProperty("model").GetString()}")
                .Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "Program.cs:4 gpt-4", "Program.cs:6 gpt-3.5-turbo", "Program.cs:8 o1", "appsettings.json:1 gpt-4" }, findings);
            Assert.Equal(4, report.RootElement.GetProperty("totals").GetProperty("sites").GetInt32());
        }

        Assert.True(fix.ExitCode == 0, fix.ToString());
        string fixedProgram = project.Read("Program.cs");
        Assert.DoesNotContain("\"gpt-4\"", fixedProgram);
        Assert.DoesNotContain("\"gpt-3.5-turbo\"", fixedProgram);
        Assert.DoesNotContain("\"o1\"", fixedProgram);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
    }

    // A Blazor component's @code is compiled from Razor's generated C#: the build reports its site in the .razor file
    // (#line), and the audit must too, which takes running the SDK's Razor generator (built on Roslyn 5.9 in the .NET
    // 10 SDK: the tool's net10.0 build hosts Roslyn 5.12); --fix edits the .razor file.
    [Fact]
    public async Task ARazorComponentsSiteIsReportedAtItsRazorLineByBuildAndAuditAndFixedThere()
    {
        using var project = await ConsumerProject.CreateAsync(_package, "Console.WriteLine(\"razor\");");
        project.Write("Consumer.csproj", project.Read("Consumer.csproj").Replace("Sdk=\"Microsoft.NET.Sdk\"", "Sdk=\"Microsoft.NET.Sdk.Web\""));
        Directory.CreateDirectory(Path.Combine(project.Directory, "Components"));
        project.Write("Components/Chat.razor", """
            @using OpenAI.Chat

            <p>@answer</p>

            @code {
                private string answer = "";

                protected override async Task OnInitializedAsync()
                {
                    var client = new ChatClient("gpt-4", "key");
                    answer = (await client.CompleteChatAsync("hi")).Value.Content[0].Text;
                }
            }
            """);
        Assert.Equal(0, (await DotNet.RunAsync(project.Directory, "restore")).ExitCode);
        string json = Path.Combine(project.Directory, "audit.json");

        var build = await project.BuildAsync();
        var audit = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--format", "json", "--output", json);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"Components[/\\]Chat\.razor\(10,37\): warning MDL0001", build.Output);
        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        string notes = string.Join("; ", report.RootElement.GetProperty("projects").EnumerateArray().SelectMany(p => p.GetProperty("notes").EnumerateArray()).Select(n => n.ToString()));
        var razor = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("file").GetString()!.EndsWith("Chat.razor", StringComparison.Ordinal))
            .Select(f => $"{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()} {f.GetProperty("ruleId").GetString()} {f.GetProperty("model").GetString()}");
        Assert.True(razor.SequenceEqual(new[] { "10:37 MDL0001 gpt-4" }), $"findings in Chat.razor: {string.Join(", ", razor)}; project notes: {notes}");

        // No fix can edit generated C#: --fix replaces the literal where #line maps it, in the .razor file.
        var fix = await AuditAsync(project.Directory, ".", "--as-of", "2026-12-07", "--fix");
        var rebuild = await project.BuildAsync();

        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.DoesNotContain("\"gpt-4\"", project.Read("Components/Chat.razor"));
        Assert.True(rebuild.ExitCode == 0, rebuild.ToString());
        Assert.DoesNotContain("Chat.razor(10,37): warning MDL0001", rebuild.Output);
    }

    [Fact]
    public async Task ABrokenProjectIsReportedAndTheRestIsStillAudited()
    {
        using var good = await ConsumerProject.CreateAsync(_package, """
            var client = new OpenAI.Chat.ChatClient("gpt-4", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
            Console.WriteLine(client);
            """);
        string broken = Path.Combine(good.Directory, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        Assert.Equal(0, (await DotNet.RunAsync(good.Directory, "new", "sln", "--format", "sln", "-n", "Both")).ExitCode);
        Assert.Equal(0, (await DotNet.RunAsync(good.Directory, "sln", "Both.sln", "add", "Consumer.csproj")).ExitCode);
        AddToSolution(Path.Combine(good.Directory, "Both.sln"), "Broken", "broken/Broken.csproj");

        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        var audit = await AuditAsync(good.Directory, "Both.sln", "--as-of", AsOf, "--format", "json", "--output", output);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(output));
        var projects = report.RootElement.GetProperty("projects").EnumerateArray().ToList();
        Assert.Contains(projects, p => p.GetProperty("name").GetString() == "Consumer" && p.GetProperty("loaded").GetBoolean());
        Assert.Contains("Broken", audit.Output); // the load failure is named on stderr
        Assert.Equal(1, report.RootElement.GetProperty("totals").GetProperty("retired").GetInt32());
    }

    [Fact]
    public async Task AnUnrestoredProjectIsReportedNotAuditedAsFine()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """Console.WriteLine(new OpenAI.Chat.ChatClient("gpt-4", "key"));""");
        Directory.Delete(Path.Combine(project.Directory, "obj"), recursive: true);

        var audit = await AuditAsync(project.Directory, ".", "--as-of", AsOf, "--no-restore");

        Assert.Equal(3, audit.ExitCode);
        Assert.Contains("Consumer: not restored: run 'dotnet restore' first", audit.Output);
    }

    [Fact]
    public async Task MissingPathAndBadArgumentsExitWithTwo()
    {
        var missing = await AuditAsync(Path.GetTempPath(), "no-such-solution.sln");
        var bad = await AuditAsync(Path.GetTempPath(), "--format", "xml");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Output);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--format must be console, markdown, json, sarif, github or azure", bad.Output);
    }

    [Theory]
    [InlineData("--target only makes sense with --fix", "--target", "gpt-6-luna")]
    [InlineData("--dry-run only makes sense with --fix", "--dry-run")]
    [InlineData("--model only makes sense with --fix", "--model", "gpt-4")]
    [InlineData("--fail-on must be retired, deprecated or costlier (got 'never')", "--fail-on", "never")]
    [InlineData("--as-of must be a date as yyyy-MM-dd (got '2027-02-30')", "--as-of", "2027-02-30")]
    [InlineData("--monthly-input-tokens must be a non-negative whole number (got '-5')", "--monthly-input-tokens", "-5")]
    [InlineData("model-audit catalog update: name at least one feed", "catalog", "update", "--dry-run")]
    public async Task UsageErrorsNameTheProblemAndExitWithTwo(string expected, params string[] arguments)
    {
        var run = await AuditAsync(Path.GetTempPath(), arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Output);
        Assert.Contains("--help' for the options", run.Output);
    }

    [Fact]
    public async Task HelpListsEveryOptionUnderTheToolsName()
    {
        var help = await AuditAsync(Path.GetTempPath(), "--help");
        var catalogHelp = await AuditAsync(Path.GetTempPath(), "catalog", "update", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("model-audit [<path>] [command] [options]", help.Output);
        foreach (string option in new[] { "--format", "--output", "--fix", "--target <model>", "--dry-run", "--fail-on", "--monthly-input-tokens", "--monthly-output-tokens", "--as-of", "--usage", "--no-restore" })
        {
            Assert.Contains(option, help.Output);
        }

        Assert.Equal(0, catalogHelp.ExitCode);
        Assert.Contains("--deprecations <file|url>", catalogHelp.Output);
    }

    /// <summary>Adds a project entry by hand: `dotnet sln add` refuses a project file that does not parse.</summary>
    private static void AddToSolution(string solution, string name, string relativePath)
    {
        string text = File.ReadAllText(solution);
        string entry = $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"{name}\", \"{relativePath.Replace('/', '\\')}\", \"{{{Guid.NewGuid().ToString().ToUpperInvariant()}}}\"\nEndProject\n";
        int global = text.IndexOf("Global", StringComparison.Ordinal);
        File.WriteAllText(solution, text.Insert(global, entry));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}

/// <summary>
/// Checks a JSON document against the subset of JSON Schema that docs/cli-report.schema.json uses: type (one or
/// several), required, properties, additionalProperties: false, items, enum and pattern.
/// </summary>
internal static class SchemaCheck
{
    public static List<string> Errors(JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
            if (!allowed.Any(t => Is(t, value)))
            {
                errors.Add($"{path}: {value.ValueKind} is not {string.Join("/", allowed)}");
                return errors;
            }
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => o.ToString() == value.ToString()))
        {
            errors.Add($"{path}: '{value}' is not one of {options}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            errors.Add($"{path}: '{value}' does not match {pattern}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray() : default)
            {
                if (!value.TryGetProperty(required.GetString()!, out _))
                {
                    errors.Add($"{path}: missing '{required}'");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    errors.AddRange(Errors(propertySchema, property.Value, $"{path}.{property.Name}"));
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: unexpected property '{property.Name}'");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                errors.AddRange(Errors(items, item, $"{path}[{i++}]"));
            }
        }

        return errors;
    }

    private static bool Is(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}

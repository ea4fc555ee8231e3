using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelAnalyzers.IntegrationTests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>The packed package in real builds: warnings, severities, SARIF, dotnet format, and its exact content.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerBuildTests
{
    private const string Key = "sk-proj-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B";

    private const string Program = """
        using OpenAI;
        using OpenAI.Chat;

        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
        var retired = new ChatClient("gpt-4", key);
        var client = new OpenAIClient(key);
        var fallback = client.GetChatClient(Environment.GetEnvironmentVariable("MODEL") ?? "gpt-3.5-turbo");
        var deprecated = client.GetChatClient("gpt-5-mini");
        var typo = client.GetChatClient("gpt-6-lnua");
        var current = client.GetChatClient("gpt-6-luna");
        Console.WriteLine($"{retired}{fallback}{deprecated}{typo}{current}");
        """;

    private readonly PackageFixture _package;

    public ConsumerBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task BuildReportsEachRuleAtTheRightFileLineAndColumn()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program, appSettings: $$"""{ "OpenAI": { "ApiKey": "{{Key}}" } }""");

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            new[]
            {
                "Program.cs(5,30): warning MDL0001",
                "Program.cs(7,84): warning MDL0001",
                "Program.cs(8,39): warning MDL0002",
                "Program.cs(9,33): warning MDL0005",
                "appsettings.json(1,25): warning MDL0006",
            },
            Warnings(build.Output));
    }

    [Fact]
    public async Task TreatWarningsAsErrorsFailsTheBuild()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program);

        var build = await project.BuildAsync("-p:TreatWarningsAsErrors=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error MDL0001", build.Output);
    }

    [Fact]
    public async Task StaleDataShowsInAPlainBuildAndNeverFailsItByItself()
    {
        // A project on a live model, built long after the package's data: the only diagnostic is MDL0902.
        using var project = await ConsumerProject.CreateAsync(_package, "var client = new OpenAI.Chat.ChatClient(\"gpt-6.2-sol\", \"key\");\nConsole.WriteLine(client);");

        var plain = await project.BuildAsync("-p:ModelAnalyzersAsOfDate=2027-06-01");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("warning MDL0902: The model data is from", plain.Output);

        foreach (var strict in new[] { new[] { "-p:TreatWarningsAsErrors=true" }, new[] { "-warnaserror" }, new[] { "-warnaserror", "-p:TreatWarningsAsErrors=true" } })
        {
            var build = await project.BuildAsync(strict.Concat(new[] { "-p:ModelAnalyzersAsOfDate=2027-06-01", "--no-incremental" }).ToArray());
            Assert.True(build.ExitCode == 0, string.Join(' ', strict) + ": " + build);
            Assert.Contains("warning MDL0902", build.Output);
            Assert.DoesNotContain("error MDL0902", build.Output);
        }

        // Still the team's to configure (in a .globalconfig: a diagnostic without a location reads no [*.cs] section):
        // an error when they want stale data to fail the build, or off.
        project.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.MDL0902.severity = error\n");
        var failing = await project.BuildAsync("-p:ModelAnalyzersAsOfDate=2027-06-01", "-p:ModelAnalyzersStaleDataFailsBuild=true", "--no-incremental");
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("error MDL0902", failing.Output);

        project.Write(".globalconfig", "is_global = true\nmodel_analyzers.catalog_age_warning_days = off\n");
        var silenced = await project.BuildAsync("-p:ModelAnalyzersAsOfDate=2027-06-01", "--no-incremental");
        Assert.True(silenced.ExitCode == 0, silenced.ToString());
        Assert.DoesNotContain("MDL0902", silenced.Output);
    }

    [Fact]
    public async Task ModelAnalyzersModeStrictFailsOnADeprecatedModelAndTheTeamsSettingWins()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program);

        var strict = await project.BuildAsync("-p:ModelAnalyzersMode=Strict");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error MDL0001", strict.Output);
        Assert.Contains("error MDL0002", strict.Output);

        // The preset has a low global_level: one line of the team's .editorconfig lowers it again.
        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MDL0001.severity = warning\ndotnet_diagnostic.MDL0002.severity = warning\n");
        var lowered = await project.BuildAsync("-p:ModelAnalyzersMode=strict", "--no-incremental");
        Assert.True(lowered.ExitCode == 0, lowered.ToString());
        Assert.Contains("warning MDL0002", lowered.Output);

        var minimal = await project.BuildAsync("-p:ModelAnalyzersMode=Minimal", "--no-incremental");
        Assert.True(minimal.ExitCode == 0, minimal.ToString());
        Assert.Contains("warning MDL0001", minimal.Output);
        Assert.DoesNotContain("MDL0005", minimal.Output);
        Assert.Contains("warning MDL0002", minimal.Output); // the team's own line still wins over the preset

        var unknown = await project.BuildAsync("-p:ModelAnalyzersMode=Paranoid", "--no-incremental");
        Assert.Contains("ModelAnalyzersMode 'Paranoid' is not Default, Strict or Minimal", unknown.Output);
    }

    [Fact]
    public async Task OneCategoryLineConfiguresEveryRuleAndCaCategoriesDoNot()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program + $"\nvar leaked = new ChatClient(\"gpt-6-luna\", \"{Key}\");\n",
            editorConfig: "dotnet_analyzer_diagnostic.category-Security.severity = error\ndotnet_analyzer_diagnostic.category-Reliability.severity = error");

        var ca = await project.BuildAsync();
        Assert.True(ca.ExitCode == 0, ca.ToString());
        Assert.Contains("warning MDL0006", ca.Output);
        Assert.Contains("warning MDL0001", ca.Output);

        project.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-ModelAnalyzers.severity = error\n");
        var ours = await project.BuildAsync("--no-incremental");
        Assert.NotEqual(0, ours.ExitCode);
        Assert.Contains("error MDL0006", ours.Output);
        Assert.Contains("error MDL0001", ours.Output);
    }

    // A second real host applies the fixes: Roslynator's command line (roslynator.dotnet.cli from the tool manifest), its
    // --diagnostic-fix-map picking the recommendation's equivalence key, as a team would run it in a migration.
    [Fact]
    public async Task RoslynatorsCommandLineAppliesTheRecommendedFixesAndTheProjectStillBuilds()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program);
        string root = Tests.Infrastructure.RepositoryFiles.Root;
        var restore = await DotNet.RunAsync(root, "tool", "restore");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        string key = "ModelAnalyzers.UseRecommendedModel";
        var fix = await DotNet.RunAsync(root, "tool", "run", "roslynator", "fix", Path.Combine(project.Directory, "Consumer.csproj"),
            "--supported-diagnostics", "MDL0001", "MDL0002", "--diagnostic-fix-map", $"MDL0001={key}", $"MDL0002={key}");

        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("MDL0001 Model is retired", fix.Output);
        string program = project.Read("Program.cs");
        Assert.DoesNotContain("\"gpt-4\"", program);
        Assert.DoesNotContain("\"gpt-3.5-turbo\"", program);
        Assert.DoesNotContain("\"gpt-5-mini\"", program);
        var build = await project.BuildAsync("--no-incremental");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
    }

    [Fact]
    public async Task LaunchProfilesAreReadWithoutSetup()
    {
        using var project = await ConsumerProject.CreateAsync(_package, "Console.WriteLine(Environment.GetEnvironmentVariable(\"OPENAI_MODEL\"));");
        Directory.CreateDirectory(Path.Combine(project.Directory, "Properties"));
        project.Write("Properties/launchSettings.json", """
            { "profiles": { "Consumer": { "commandName": "Project", "environmentVariables": { "OPENAI_MODEL": "gpt-4" } } } }
            """);

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(@"launchSettings\.json\(1,\d+\): warning MDL0001: 'gpt-4' was shut down", build.Output);
    }

    [Fact]
    public async Task OptionsConfigurationAndPromptFilesAreReadWithoutSetup()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Options;
            using OpenAI.Chat;

            var services = new ServiceCollection();
            IConfiguration configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).Build();
            services.Configure<AiOptions>(configuration.GetSection("Ai"));
            services.Configure<AiOptions>(o => o.Summary = "gpt-4");
            var options = services.BuildServiceProvider().GetRequiredService<IOptions<AiOptions>>();
            var chat = new ChatClient(options.Value.Engine, "key");
            var summary = new ChatClient(options.Value.Summary, "key");

            public class AiOptions
            {
                public string Engine { get; set; } = "";
                public string Summary { get; set; } = "";
            }
            """,
            appSettings: """{ "Ai": { "Engine": "gpt-3.5-turbo", "Title": "gpt-4" } }""",
            packages: new[] { ("Microsoft.Extensions.Options.ConfigurationExtensions", "8.0.0"), ("Microsoft.Extensions.Configuration.Json", "8.0.0"), ("Microsoft.Extensions.DependencyInjection", "8.0.1") });
        Directory.CreateDirectory(Path.Combine(project.Directory, "Properties"));
        project.Write("Properties/launchSettings.json", """{ "profiles": { "Consumer": { "environmentVariables": { "Ai__Engine": "o1" } } } }""");
        project.Write("support.prompty", "---\nmodel:\n  configuration:\n    name: gpt-4\n---\nHello\n");
        Directory.CreateDirectory(Path.Combine(project.Directory, "Summarize"));
        project.Write("Summarize/skprompt.txt", "Summarize {{$input}}");
        project.Write("Summarize/config.json", """{ "execution_settings": { "default": { "model_id": "o3-mini" } } }""");

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(
            new[] { "Program.cs(9,48): warning MDL0001", "appsettings.json(1,21): warning MDL0001", "config.json(1,52): warning MDL0001", "launchSettings.json(1,71): warning MDL0001", "support.prompty(4,11): warning MDL0001" },
            Warnings(build.Output));
    }

    [Fact]
    public async Task EditorConfigSeveritiesTakeEffect()
    {
        using var project = await ConsumerProject.CreateAsync(
            _package, Program, editorConfig: "dotnet_diagnostic.MDL0001.severity = error\ndotnet_diagnostic.MDL0002.severity = none\ndotnet_diagnostic.MDL0005.severity = suggestion");

        var build = await project.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("Program.cs(5,30): error MDL0001", build.Output);
        Assert.DoesNotContain("MDL0002", build.Output);
        Assert.DoesNotContain("warning MDL0005", build.Output);
    }

    [Fact]
    public async Task ErrorLogWritesSarif21WithRuleMetadataAndResults()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program);

        var build = await project.BuildAsync("-p:ErrorLog=out.sarif%2Cversion=2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        using var sarif = JsonDocument.Parse(project.Read("out.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var retired = Assert.Single(rules, r => r.GetProperty("id").GetString() == "MDL0001");
        Assert.Equal("Model is retired", retired.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/rules/MDL0001.md", retired.GetProperty("helpUri").GetString());
        var results = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == "MDL0001").ToList();
        Assert.Equal(2, results.Count);
        Assert.StartsWith("'gpt-4' was shut down on 2026-10-23", results[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task DotnetFormatMovesEveryRetiredSiteToItsRecommendationAndTheProjectStillBuilds()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program);

        var format = await DotNet.RunAsync(project.Directory, "format", "analyzers", "--diagnostics", "MDL0001", "--severity", "info");
        var build = await project.BuildAsync();

        Assert.True(format.ExitCode == 0, format.ToString());
        string program = project.Read("Program.cs");
        // Two sites, two recommendations, one run: the flagship to the cheapest live flagship, gpt-3.5-turbo to the entry tier.
        Assert.Contains("new ChatClient(\"gpt-6.2-sol\", key)", program);
        Assert.Contains("?? \"gpt-6-luna\")", program);
        Assert.Contains("GetChatClient(\"gpt-5-mini\")", program); // MDL0002 was not asked for
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
    }

    [Fact]
    public async Task AtAFutureDateOneDotnetFormatRunMigratesEverySiteAndMovesNoneToACostlierModelOfItsTier()
    {
        // The card's targets are gone by 2027-01-15 (gpt-5-mini on 2026-12-11, gpt-4o-mini with gpt-4o and gpt-4.1 on
        // 2027-01-14): every site still gets a live recommendation, and one run moves each to its own.
        using var project = await ConsumerProject.CreateAsync(_package, """
            using OpenAI;
            using OpenAI.Chat;

            var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
            var client = new OpenAIClient(key);
            var a = new ChatClient("gpt-4", key);
            var b = new ChatClient("gpt-4o-mini", key);
            var c = new ChatClient("gpt-3.5-turbo", key);
            var d = new ChatClient("gpt-4.1", key);
            var e = new ChatClient("gpt-4o", key);
            var f = client.GetEmbeddingClient("text-embedding-ada-002");
            Console.WriteLine($"{a}{b}{c}{d}{e}{f}");
            """, editorConfig: "model_analyzers.as_of_date = 2027-01-15");

        var before = await project.BuildAsync();
        var format = await DotNet.RunAsync(project.Directory, "format", "analyzers", "--diagnostics", "MDL0001", "MDL0002", "MDL0003", "--severity", "info");
        var after = await project.BuildAsync();

        Assert.Equal(5, Warnings(before.Output).Count(w => w.EndsWith("MDL0001", StringComparison.Ordinal)));
        Assert.True(format.ExitCode == 0, format.ToString());
        string program = project.Read("Program.cs");
        Assert.Contains("new ChatClient(\"gpt-6.2-sol\", key);\nvar b", program.ReplaceLineEndings("\n"));
        Assert.Contains("var b = new ChatClient(\"gpt-6-luna\", key)", program);
        Assert.Contains("var c = new ChatClient(\"gpt-6-luna\", key)", program);
        Assert.Contains("var d = new ChatClient(\"gpt-6-luna\", key)", program);
        Assert.Contains("var e = new ChatClient(\"gpt-6.2-sol\", key)", program);
        Assert.Contains("GetEmbeddingClient(\"text-embedding-3-small\")", program);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("MDL0001", after.Output);
    }

    [Fact]
    public async Task DotnetFormatWithEveryRuleLeavesNothingRetiredMisspelledOrLeaked()
    {
        using var project = await ConsumerProject.CreateAsync(
            _package, Program + $$"""

            var leaked = new OpenAIClient("{{Key}}");
            """);

        var format = await DotNet.RunAsync(project.Directory, "format", "analyzers", "--diagnostics", "MDL0001", "MDL0002", "MDL0003", "MDL0005", "MDL0006", "--severity", "info");
        var build = await project.BuildAsync();

        // dotnet format applies the rules one after another in an order of its own, so a site moved to a deprecated
        // card target may move on to that target's replacement: assert what holds in every order.
        Assert.True(format.ExitCode == 0, format.ToString());
        string program = project.Read("Program.cs");
        Assert.DoesNotContain("\"gpt-4\"", program);
        Assert.DoesNotContain("gpt-3.5-turbo", program);
        Assert.DoesNotContain("gpt-6-lnua", program);
        Assert.Contains("var typo = client.GetChatClient(\"gpt-6-luna\");", program);
        Assert.Contains("new OpenAIClient(Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") ?? throw new InvalidOperationException(", program);
        Assert.DoesNotContain(Key, program);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("MDL0001", build.Output);
        Assert.DoesNotContain("MDL0005", build.Output);
        Assert.DoesNotContain("MDL0006", build.Output);
    }

    [Fact]
    public void PackageHoldsBothAssembliesUnderAnalyzersAndNothingUnderLib()
    {
        var entries = _package.Entries().Where(e => !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal) && e != "[Content_Types].xml").Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "ModelAnalyzers.nuspec",
                "README.md",
                "analyzers/dotnet/cs/ModelAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/ModelAnalyzers.dll",
                "build/ModelAnalyzers.props",
                "build/ModelAnalyzers.targets",
                "build/config/ModelAnalyzers.Minimal.globalconfig",
                "build/config/ModelAnalyzers.Strict.globalconfig",
                "buildTransitive/ModelAnalyzers.props",
                "buildTransitive/ModelAnalyzers.targets",
            },
            entries);
    }

    [Fact]
    public void NuspecIsADevelopmentDependencyWithMetadataAndNoDependencies()
    {
        string nuspec = _package.ReadEntry("ModelAnalyzers.nuspec");

        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.Contains("<readme>README.md</readme>", nuspec);
        Assert.Contains("<projectUrl>", nuspec);
        Assert.Contains("<releaseNotes>", nuspec);
        Assert.Contains("<tags>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);
    }

    [Fact]
    public void PackedAnalyzerNeedsNoRoslynNewerThan48AndNoWorkspaces()
    {
        using var pe = new PEReader(new MemoryStream(_package.ReadBytes("analyzers/dotnet/cs/ModelAnalyzers.dll")));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).ToDictionary(r => metadata.GetString(r.Name), r => r.Version);

        Assert.DoesNotContain(references.Keys, name => name.Contains("Workspaces", StringComparison.Ordinal));
        Assert.True(references["Microsoft.CodeAnalysis"] <= new Version(4, 8, 0, 0), $"references Microsoft.CodeAnalysis {references["Microsoft.CodeAnalysis"]}");
        Assert.True(references["Microsoft.CodeAnalysis.CSharp"] <= new Version(4, 8, 0, 0));
    }

    /// <summary>"Program.cs(5,30): warning MDL0001", once each (MSBuild repeats warnings in its summary).</summary>
    [Fact]
    public async Task SemanticKernelBetalgoAndAppSettingsWarnAndDotnetFormatFixesAllThree()
    {
        using var project = await ConsumerProject.CreateAsync(
            _package,
            """
            using Betalgo.Ranul.OpenAI.ObjectModels;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
            using Microsoft.SemanticKernel;

            var builder = Kernel.CreateBuilder();
            builder.AddOpenAIChatCompletion("gpt-4", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
            var request = new ChatCompletionCreateRequest { Model = Models.Gpt_4, Messages = [] };
            Console.WriteLine(request.Model);
            """,
            appSettings: """
            {
              // chat settings
              "OpenAI": { "ChatModel": "gpt-4" }
            }
            """,
            packages: new[] { ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0"), ("Betalgo.Ranul.OpenAI", "9.2.6") });

        var before = await project.BuildAsync();
        var format = await DotNet.RunAsync(project.Directory, "format", "analyzers", "--diagnostics", "MDL0001", "--severity", "info");
        var after = await project.BuildAsync();

        Assert.Equal(new[] { "Program.cs(6,33): warning MDL0001", "Program.cs(7,57): warning MDL0001", "appsettings.json(3,28): warning MDL0001" }, Warnings(before.Output));
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("AddOpenAIChatCompletion(\"gpt-6.2-sol\"", project.Read("Program.cs"));
        Assert.Contains("Model = \"gpt-6.2-sol\"", project.Read("Program.cs")); // Betalgo's Models has no member for it: a literal
        Assert.Equal("{\n  // chat settings\n  \"OpenAI\": { \"ChatModel\": \"gpt-6.2-sol\" }\n}", project.Read("appsettings.json").ReplaceLineEndings("\n"));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("MDL0001", after.Output);
    }

    [Fact]
    public async Task RejectedTemperatureWarnsAndDotnetFormatRemovesIt()
    {
        using var project = await ConsumerProject.CreateAsync(_package, """
            using OpenAI.Chat;

            var client = new ChatClient("gpt-5-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
            var options = new ChatCompletionOptions { Temperature = 0.2f, MaxOutputTokenCount = 1000 };
            Console.WriteLine(client.CompleteChat([new UserChatMessage("hi")], options).Value.Content[0].Text);
            """);

        var before = await project.BuildAsync();
        var format = await DotNet.RunAsync(project.Directory, "format", "analyzers", "--diagnostics", "MDL0004", "--severity", "info");
        var after = await project.BuildAsync();

        Assert.Contains("Program.cs(4,43): warning MDL0004", Warnings(before.Output));
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.Contains("new ChatCompletionOptions { MaxOutputTokenCount = 1000 }", project.Read("Program.cs"));
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain("MDL0004", after.Output);
    }

    private static string[] Warnings(string output) =>
        WarningLine().Matches(output).Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}({m.Groups["pos"].Value}): warning {m.Groups["id"].Value}")
            .Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"(?<file>[^\s:]+\.(cs|json|prompty|yaml|yml))\((?<pos>\d+,\d+)\): warning (?<id>MDL\d{4})")]
    private static partial Regex WarningLine();
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// The packaged GitHub Action (action.yml) and the Azure Pipelines template (ci/azure-pipelines.yml), their steps run
/// locally as the runners would run them: the tool installed from a freshly packed ModelAnalyzers.Cli (a local feed, no
/// network), the job summary, the annotations, the SARIF file and the gate's exit code.
/// </summary>
public sealed partial class CiTemplateTests : IClassFixture<CiTemplateTests.ToolPackage>, IDisposable
{
    private readonly ToolPackage _tool;
    private readonly TempSolution _repo = new("model-audit-action-");

    public CiTemplateTests(ToolPackage tool)
    {
        _tool = tool;
        _repo.CopyDemo();
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task TheActionWritesTheSummaryAnnotatesFindingsWritesSarifAndFailsTheGate()
    {
        string runnerTemp = Path.Combine(_repo.Directory, ".runner");
        Directory.CreateDirectory(runnerTemp);
        var inputs = new Dictionary<string, string>
        {
            ["fail-on"] = "retired",
            ["as-of"] = "2026-12-07",
            ["sarif"] = Path.Combine(runnerTemp, "model-audit.sarif"),
            ["version"] = _tool.Version,
            ["tool-source"] = _tool.Feed,
        };
        var environment = new Dictionary<string, string>
        {
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runnerTemp, "summary.md"),
            ["GITHUB_OUTPUT"] = Path.Combine(runnerTemp, "output.txt"),
        };

        var results = new List<CommandResult>();
        foreach (var step in Steps(RepositoryFiles.PathOf("action.yml"), "runs", "steps"))
        {
            string run = Expressions().Replace(step.Run, m => Value(m.Groups[1].Value, inputs, "action.yml"));
            var env = environment.Concat(step.Env.Select(e => KeyValuePair.Create(e.Key, Expressions().Replace(e.Value, m => Value(m.Groups[1].Value, inputs, "action.yml")))));
            results.Add(await BashAsync(run, env));
        }

        Assert.True(results[0].ExitCode == 0, "install: " + results[0]);
        var audit = results[1];
        Assert.True(audit.ExitCode == 1, "the demo has retired models: the gate fails\n" + audit);
        Assert.Contains("## model-audit: Demo.csproj", File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]), StringComparison.Ordinal);
        Assert.Contains("| `gpt-4` | retired | 2026-10-23 |", File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]), StringComparison.Ordinal);
        var annotations = audit.Output.Split('\n').Where(l => l.StartsWith("::warning ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, annotations.Count);
        Assert.Contains(annotations, a => a.StartsWith("::warning file=Program.cs,line=12,col=36,title=MDL0001 gpt-4::'gpt-4' was shut down on 2026-10-23", StringComparison.Ordinal));
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(inputs["sarif"]), StringComparison.Ordinal);
        Assert.Contains("exit-code=1", File.ReadAllText(environment["GITHUB_OUTPUT"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAzurePipelinesTemplateLogsIssuesAndUploadsTheSummary()
    {
        string agentTemp = Path.Combine(_repo.Directory, ".agent");
        Directory.CreateDirectory(agentTemp);
        var parameters = new Dictionary<string, string>
        {
            ["path"] = ".",
            ["asOf"] = "2026-12-07",
            ["version"] = _tool.Version,
            ["toolSource"] = _tool.Feed,
            ["scriptPath"] = RepositoryFiles.PathOf("ci/model-audit-action.sh"),
        };

        var results = new List<CommandResult>();
        foreach (var step in Steps(RepositoryFiles.PathOf("ci/azure-pipelines.yml"), "steps"))
        {
            string Expand(string text) => Expressions().Replace(text.Replace("$(Agent.TempDirectory)", agentTemp, StringComparison.Ordinal), m => Value(m.Groups[1].Value, parameters, "ci/azure-pipelines.yml"));
            results.Add(await BashAsync(Expand(step.Run), step.Env.Select(e => KeyValuePair.Create(e.Key, Expand(e.Value)))));
        }

        Assert.True(results.All(r => r.ExitCode == 0), string.Join("\n", results));
        var issues = results[1].Output.Split('\n').Where(l => l.StartsWith("##vso[task.logissue type=warning;", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, issues.Count);
        Assert.Contains(issues, i => i.StartsWith("##vso[task.logissue type=warning;sourcepath=Program.cs;linenumber=12;columnnumber=36;code=MDL0001]'gpt-4' was shut down", StringComparison.Ordinal));
        Assert.Contains($"##vso[task.uploadsummary]{agentTemp}/model-audit-summary.md", results[1].Output, StringComparison.Ordinal);
        Assert.Contains("## model-audit: Demo.csproj", File.ReadAllText(Path.Combine(agentTemp, "model-audit-summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMigrationWorkflowIsValidYamlAndUsesOnlyOptionsTheToolHas()
    {
        var steps = Steps(RepositoryFiles.PathOf("docs/workflows/model-migration.yml"), "jobs", "migrate", "steps").Select(s => s.Run).ToList();
        string script = string.Join("\n", steps);

        Assert.Contains("model-audit catalog update", script, StringComparison.Ordinal);
        Assert.Contains("--fix --model \"$model\"", script, StringComparison.Ordinal);
        Assert.Contains("$TEST_COMMAND", script, StringComparison.Ordinal);
        // Every long option the workflow passes is one the tool's help lists.
        string help = (await ModelAuditTool.RunAsync(_repo.Directory, "--help")).Output + (await ModelAuditTool.RunAsync(_repo.Directory, "catalog", "update", "--help")).Output;
        var options = Regex.Matches(script, @"(?<=model-audit[^\n]*)\s(--[a-z-]+)");
        Assert.True(options.Count >= 8, $"only {options.Count} options found in the workflow's model-audit lines");
        foreach (Match option in options)
        {
            Assert.Contains(option.Groups[1].Value, help, StringComparison.Ordinal);
        }
    }

    /// <summary>A step's `run` (Azure: `bash`) script and its `env`, in file order.</summary>
    private static IEnumerable<(string Run, Dictionary<string, string> Env)> Steps(string file, params string[] path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            yaml.Load(reader);
        }

        YamlNode node = yaml.Documents[0].RootNode;
        foreach (string key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        foreach (YamlMappingNode step in ((YamlSequenceNode)node).Children.Cast<YamlMappingNode>())
        {
            string run = step.Children.TryGetValue(new YamlScalarNode("run"), out var r) || step.Children.TryGetValue(new YamlScalarNode("bash"), out r) ? ((YamlScalarNode)r).Value! : "";
            var env = step.Children.TryGetValue(new YamlScalarNode("env"), out var e)
                ? ((YamlMappingNode)e).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "")
                : new Dictionary<string, string>();
            yield return (run, env);
        }
    }

    /// <summary>An expression's value as the runner gives it: an input or parameter (or its default), or the action's folder.</summary>
    private static string Value(string expression, Dictionary<string, string> given, string file)
    {
        string name = expression.Trim();
        if (name == "github.action_path")
        {
            return RepositoryFiles.Root;
        }

        string key = name.StartsWith("inputs.", StringComparison.Ordinal) ? name["inputs.".Length..] : name.StartsWith("parameters.", StringComparison.Ordinal) ? name["parameters.".Length..] : throw new InvalidOperationException($"{file}: unexpected expression {name}");
        return given.TryGetValue(key, out var value) ? value : "";
    }

    private async Task<CommandResult> BashAsync(string script, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _repo.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult(process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"\$\{\{\s*([^}]+?)\s*\}\}")]
    private static partial Regex Expressions();

    /// <summary>ModelAnalyzers.Cli packed once into a local feed, with a version unique to this run.</summary>
    public sealed class ToolPackage : IAsyncLifetime
    {
        public string Feed { get; } = Directory.CreateTempSubdirectory("model-audit-tool-feed-").FullName;

        public string Version { get; } = "0.1.0-it." + Guid.NewGuid().ToString("N")[..12];

        public async Task InitializeAsync()
        {
            var pack = await DotNet.RunAsync(RepositoryFiles.Root, "pack", "src/ModelAnalyzers.Cli/ModelAnalyzers.Cli.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nodeReuse:false");
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Feed, recursive: true);
            return Task.CompletedTask;
        }
    }
}

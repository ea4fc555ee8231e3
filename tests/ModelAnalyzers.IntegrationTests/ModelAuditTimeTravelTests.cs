using System.Text.Json;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// model-audit on every day: the real tool over the demo and a two-project .slnx solution, in every format, plain, with
/// --usage and with --fix --dry-run, from today through the coming shutdowns to long after the data's date. Every run
/// exits as documented (0 without --fail-on), JSON follows its schema, SARIF the 2.1.0 rules, and a stale catalog is a
/// project note (MDL0902), never a crash.
/// </summary>
public sealed class ModelAuditTimeTravelTests : IClassFixture<ModelAuditTimeTravelTests.TwoProjectSolution>
{
    private readonly TwoProjectSolution _solution;

    public ModelAuditTimeTravelTests(TwoProjectSolution solution) => _solution = solution;

    private static string Demo => RepositoryFiles.PathOf("samples/DemoApp");

    private static string Usage(string name) => RepositoryFiles.PathOf("samples/usage/" + name);

    // Today, after the 2026-12-11 shutdowns, after the 2027-01-14 ones, long after the data (MDL0902), years later.
    public static TheoryData<string> Dates() => new() { "2026-12-07", "2026-12-12", "2027-01-15", "2027-06-01", "2028-12-31" };

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task EveryFormatOnTheDemoExitsZeroAndIsWellFormed(string asOf)
    {
        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}");
        var runs = await Task.WhenAll(
            ModelAuditTool.RunAsync(Demo, ".", "--as-of", asOf),
            ModelAuditTool.RunAsync(Demo, ".", "--as-of", asOf, "--format", "markdown", "--output", output + ".md"));
        var structured = await Task.WhenAll(
            ModelAuditTool.RunAsync(Demo, ".", "--as-of", asOf, "--format", "json", "--output", output + ".json", "--usage", Usage("openai-usage-completions.json")),
            ModelAuditTool.RunAsync(Demo, ".", "--as-of", asOf, "--format", "sarif", "--output", output + ".sarif", "--usage", Usage("usage-dashboard-export.csv")));

        foreach (var run in runs.Concat(structured))
        {
            Assert.True(run.ExitCode == 0, asOf + ": " + run);
            Assert.DoesNotContain("Unhandled", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("unexpected error", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains($"judged at {asOf}", runs[0].Output, StringComparison.Ordinal);
        Assert.Contains($"judged at {asOf}", File.ReadAllText(output + ".md"), StringComparison.Ordinal);
        bool stale = DateTime.Parse(asOf) > new DateTime(2027, 2, 5); // 60 days past the data's 2026-12-07
        Assert.Equal(stale, runs[0].Output.Contains("DemoApp: MDL0902 The model data is from", StringComparison.Ordinal));
        Assert.Equal(stale, runs[0].Output.Contains("days old: update the package", StringComparison.Ordinal));

        var json = SchemaValid(output + ".json");
        Assert.Equal(stale, json.RootElement.GetProperty("projects").EnumerateArray().Any(p => p.GetProperty("notes").EnumerateArray().Any(n => n.GetProperty("ruleId").GetString() == "MDL0902")));
        var sarif = SarifCheck.Valid(output + ".sarif");
        Assert.Equal(stale, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Any(r => r.GetProperty("ruleId").GetString() == "MDL0902"));
        foreach (string file in new[] { ".md", ".json", ".sarif" })
        {
            File.Delete(output + file);
        }
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task ATwoProjectSlnxSolutionWithUsageAndADryRunFixExitsZero(string asOf)
    {
        string output = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}");
        var runs = await Task.WhenAll(
            ModelAuditTool.RunAsync(_solution.Directory, "Both.slnx", "--no-restore", "--as-of", asOf, "--format", "json", "--output", output + ".json", "--usage", Usage("azure-focus-export.csv")),
            ModelAuditTool.RunAsync(_solution.Directory, "Both.slnx", "--no-restore", "--as-of", asOf, "--fix", "--dry-run"));
        var late = DateTime.Parse(asOf).Year >= 2027
            ? await ModelAuditTool.RunAsync(_solution.Directory, "Both.slnx", "--no-restore", "--as-of", asOf, "--format", "sarif", "--output", output + ".sarif")
            : null;

        foreach (var run in runs.Append(late).OfType<CommandResult>())
        {
            Assert.True(run.ExitCode == 0, asOf + ": " + run);
            Assert.DoesNotContain("unexpected error", run.Output, StringComparison.Ordinal);
        }

        var json = SchemaValid(output + ".json");
        var projects = json.RootElement.GetProperty("projects").EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("loaded").GetBoolean())).ToList();
        Assert.Equal(new[] { ("Chat", true), ("Worker", true) }, projects.Order());
        // gpt-4 is retired on every one of these days: there is always a diff, and it never names a retired model.
        Assert.Contains("-        var chat = new ChatClient(\"gpt-4\", key);", runs[1].Output, StringComparison.Ordinal);
        if (late is not null)
        {
            SarifCheck.Valid(output + ".sarif");
            File.Delete(output + ".sarif");
        }

        File.Delete(output + ".json");
    }

    private static JsonDocument SchemaValid(string path)
    {
        var report = JsonDocument.Parse(File.ReadAllText(path));
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs/cli-report.schema.json")));
        Assert.Empty(SchemaCheck.Errors(schema.RootElement, report.RootElement, "$"));
        return report;
    }

    /// <summary>Two console projects on the real SDK in a .slnx (what `dotnet new sln` writes on .NET 10), restored once.</summary>
    public sealed class TwoProjectSolution : IAsyncLifetime
    {
        private readonly TempSolution _folder = new("model-audit-slnx-");

        public string Directory => _folder.Directory;

        public async Task InitializeAsync()
        {
            _folder.ConsoleApp("Chat", """
                using OpenAI.Chat;

                class Program
                {
                    static void Main()
                    {
                        string key = System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
                        var chat = new ChatClient("gpt-4", key);
                        var small = new ChatClient("gpt-5-mini", key);
                        System.Console.WriteLine(chat.ToString() + small);
                    }
                }
                """);
            _folder.ConsoleApp("Worker", """
                #pragma warning disable OPENAI001
                using OpenAI.Chat;

                class Program
                {
                    static void Main()
                    {
                        var client = new ChatClient("gpt-4o-mini", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "");
                        client.CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, new ChatCompletionOptions { ReasoningEffortLevel = ChatReasoningEffortLevel.None, Temperature = 0.3f });
                    }
                }
                """);
            _folder.Write("Worker/appsettings.json", """{ "OpenAI": { "Model": "o3" } }""");
            _folder.Write("Both.slnx", """
                <Solution>
                  <Project Path="Chat/Chat.csproj" />
                  <Project Path="Worker/Worker.csproj" />
                </Solution>
                """);
            await _folder.RestoreAsync("Both.slnx");
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// The SARIF 2.1.0 rules for what model-audit writes (no schema file is served offline here): version, a run with a
/// named driver and rules, and per result a rule id, a level of the enum, a message text and physical locations with an
/// artifact URI and, where a region is given, 1-based lines and columns.
/// </summary>
internal static class SarifCheck
{
    public static JsonDocument Valid(string path)
    {
        var sarif = JsonDocument.Parse(File.ReadAllText(path));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            var driver = run.GetProperty("tool").GetProperty("driver");
            Assert.False(string.IsNullOrEmpty(driver.GetProperty("name").GetString()));
            var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                Assert.Contains(result.GetProperty("ruleId").GetString(), ruleIds);
                Assert.Contains(result.GetProperty("level").GetString(), new[] { "none", "note", "warning", "error" });
                Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
                foreach (var location in result.GetProperty("locations").EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    string uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                    Assert.True(uri.Length > 0 && Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _), $"'{uri}' is not a URI reference");
                    if (physical.TryGetProperty("region", out var region))
                    {
                        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
                        Assert.True(!region.TryGetProperty("startColumn", out var column) || column.GetInt32() >= 1);
                    }
                }
            }
        }

        return sarif;
    }
}

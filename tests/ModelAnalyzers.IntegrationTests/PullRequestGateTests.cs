using System.Diagnostics;
using System.Text.Json;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// A team's pull-request workflow with the real tool: a baseline of the demo's findings, a new retired model in a new
/// line, the gate failing on that one only, the changed-lines gate, a stale entry, and the GitHub annotations.
/// </summary>
public sealed class PullRequestGateTests : IDisposable
{
    private const string AsOf = "2026-12-07";

    private readonly TempSolution _repo = new("model-audit-pr-");

    public PullRequestGateTests()
    {
        _repo.CopyDemo();
    }

    public void Dispose() => _repo.Dispose();

    private Task<CommandResult> AuditAsync(params string[] arguments) =>
        ModelAuditTool.RunAsync(_repo.Directory, new[] { ".", "--as-of", AsOf }.Concat(arguments).ToArray());

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "-c", "user.email=ci@example.com", "-c", "user.name=ci" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    private void AddRetiredLine() =>
        _repo.Write("Program.cs", File.ReadAllText(Path.Combine(_repo.Directory, "Program.cs"))
            .Replace("// Retired on 2026-10-23: requests fail (MDL0001).", "var added = new ChatClient(\"gpt-4-turbo\", apiKey);\n// Retired on 2026-10-23: requests fail (MDL0001).", StringComparison.Ordinal));

    [Fact]
    public async Task ABaselineLetsOnlyNewFindingsFailAndFollowsMovedAndFixedCode()
    {
        var written = await ModelAuditTool.RunAsync(_repo.Directory, "baseline", ".", "--as-of", AsOf);
        Assert.True(written.ExitCode == 0, written.ToString());
        string baselineFile = Path.Combine(_repo.Directory, "model-audit.baseline.json");
        using (var baseline = JsonDocument.Parse(File.ReadAllText(baselineFile)))
        {
            Assert.Equal(5, baseline.RootElement.GetProperty("findings").GetArrayLength());
            Assert.DoesNotContain("\"line\"", File.ReadAllText(baselineFile), StringComparison.Ordinal); // fingerprints, not line numbers
        }

        // The accepted findings alone do not fail the gate.
        var clean = await AuditAsync("--no-restore", "--baseline", baselineFile, "--fail-on", "retired");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("baseline model-audit.baseline.json: 0 new, 5 accepted, 0 stale", clean.Output, StringComparison.Ordinal);

        // One retired model in a new line (which also moves every later line down): only that one is new and fails.
        AddRetiredLine();
        var gated = await AuditAsync("--no-restore", "--baseline", baselineFile, "--fail-on", "retired");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains("baseline model-audit.baseline.json: 1 new, 5 accepted, 0 stale", gated.Output, StringComparison.Ordinal);
        Assert.Single(gated.Output.Split('\n'), l => l.Contains("(new)", StringComparison.Ordinal));
        Assert.Contains("MDL0001 (new) 'gpt-4-turbo'", gated.Output, StringComparison.Ordinal);

        // Reformatting an accepted line keeps it accepted; fixing one makes its entry stale until the next write.
        string program = File.ReadAllText(Path.Combine(_repo.Directory, "Program.cs"));
        _repo.Write("Program.cs", program
            .Replace("ChatClient triage = new ChatClient(\"gpt-4\", apiKey);", "ChatClient triage =\n    new ChatClient( \"gpt-4\",  apiKey );", StringComparison.Ordinal)
            .Replace("GetEmbeddingClient(\"text-search-ada-doc-001\")", "GetEmbeddingClient(\"text-embedding-3-small\")", StringComparison.Ordinal));
        var moved = await AuditAsync("--no-restore", "--baseline", baselineFile, "--format", "json", "--output", Path.Combine(_repo.Directory, "report.json"));
        Assert.True(moved.ExitCode == 0, moved.ToString());
        using (var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repo.Directory, "report.json"))))
        {
            var gate = report.RootElement.GetProperty("baseline");
            Assert.Equal((1, 4), (gate.GetProperty("new").GetInt32(), gate.GetProperty("accepted").GetInt32()));
            Assert.Contains("text-search-ada-doc-001", Assert.Single(gate.GetProperty("stale").EnumerateArray()).GetString(), StringComparison.Ordinal);
        }

        var rewritten = await ModelAuditTool.RunAsync(_repo.Directory, "baseline", ".", "--no-restore", "--as-of", AsOf);
        Assert.True(rewritten.ExitCode == 0, rewritten.ToString());
        Assert.DoesNotContain("text-search-ada-doc-001", File.ReadAllText(baselineFile), StringComparison.Ordinal);
        Assert.Contains("gpt-4-turbo", File.ReadAllText(baselineFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChangedLinesGateCountsOnlyWhatAPullRequestChangedAndAnnotatesIt()
    {
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
        AddRetiredLine();

        var gated = await AuditAsync("--changed-since", "HEAD", "--fail-on", "retired");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains("findings on lines changed since HEAD: 1", gated.Output, StringComparison.Ordinal);

        var annotations = await AuditAsync("--no-restore", "--changed-since", "HEAD", "--format", "github");
        Assert.True(annotations.ExitCode == 0, annotations.ToString());
        string line = Assert.Single(annotations.Output.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith("::warning file=Program.cs,line=11,col=", line, StringComparison.Ordinal);
        Assert.Contains("title=MDL0001 gpt-4-turbo::'gpt-4-turbo' was shut down on 2026-10-23", line, StringComparison.Ordinal);

        var unknownRef = await AuditAsync("--no-restore", "--changed-since", "no-such-ref");
        Assert.Equal(2, unknownRef.ExitCode);
        Assert.Contains("--changed-since: git diff", unknownRef.Output, StringComparison.Ordinal);
        Assert.Contains("no-such-ref", unknownRef.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMigrationPerModelFixesOnlyThatModelsSites()
    {
        var diff = await AuditAsync("--fix", "--dry-run", "--model", "gpt-4");

        Assert.True(diff.ExitCode == 0, diff.ToString());
        var removed = diff.Output.Split('\n').Where(l => l.StartsWith("-", StringComparison.Ordinal) && !l.StartsWith("---", StringComparison.Ordinal)).ToList();
        Assert.Equal("-ChatClient triage = new ChatClient(\"gpt-4\", apiKey);", Assert.Single(removed));
    }

    [Fact]
    public async Task OutsideAGitRepositoryTheChangedLinesGateSaysSo()
    {
        var outside = await AuditAsync("--changed-since", "HEAD");

        Assert.Equal(2, outside.ExitCode);
        Assert.Contains("is not in a git repository", outside.Output, StringComparison.Ordinal);
    }
}

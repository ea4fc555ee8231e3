using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Every rule has a docs page its help link points at, a release-tracking row and a README row.</summary>
public class RuleMetadataTests
{
    public static TheoryData<string> RuleIds => new(AllDescriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLinkPointsAtTheRulesDocsPage(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.Equal($"https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        string page = File.ReadAllText(RepositoryFiles.PathOf($"docs/rules/{id}.md"));
        Assert.StartsWith($"# {id}: ", page);
    }

    /// <summary>
    /// Each rule page names the analyzer that reports the rule, the fixer that fixes it, where it is decided (the files
    /// that construct the finding) and the tests that mention its
    /// id, so a rule is found by its id in one step. Regenerate after moving code or tests:
    /// MODELANALYZERS_UPDATE_DOCS=1 dotnet test ModelAnalyzers.sln --filter RuleMetadataTests
    /// </summary>
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePageNamesItsAnalyzerFixerAndTests(string id)
    {
        string path = RepositoryFiles.PathOf($"docs/rules/{id}.md");
        string page = File.ReadAllText(path).ReplaceLineEndings("\n");
        string expected = SourcesLine(id);
        var lines = page.Split('\n').ToList();
        int existing = lines.FindIndex(l => l.StartsWith(SourcesPrefix, StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("MODELANALYZERS_UPDATE_DOCS") == "1")
        {
            if (existing >= 0)
            {
                lines[existing] = expected;
            }
            else
            {
                // After the header table (its last row is "Code fix").
                int insertAt = lines.FindIndex(l => l.StartsWith("| Code fix", StringComparison.Ordinal)) + 1;
                lines.InsertRange(insertAt, new[] { "", expected });
            }

            File.WriteAllText(path, string.Join("\n", lines));
            lines = File.ReadAllText(path).Split('\n').ToList();
        }

        // The analyzer and fixer must be exactly the ones that report and fix the rule; the tests listed must exist and
        // mention the id (a new test need not be listed: the line is a way in, not an index).
        string hint = $"docs/rules/{id}.md: run `MODELANALYZERS_UPDATE_DOCS=1 dotnet test ModelAnalyzers.sln --filter RuleMetadataTests` and commit the result.";
        string? line = lines.FirstOrDefault(l => l.StartsWith(SourcesPrefix, StringComparison.Ordinal));
        Assert.True(line is not null, "no Sources line in " + hint);
        string expectedHead = expected.Substring(0, expected.IndexOf("; tests ", StringComparison.Ordinal));
        Assert.True(line!.StartsWith(expectedHead + "; tests ", StringComparison.Ordinal), $"the Sources line names other code than reports, fixes or decides {id}: {hint}\nExpected: {expectedHead}");
        var tests = System.Text.RegularExpressions.Regex.Matches(line.Substring(expectedHead.Length), @"\]\(\.\./\.\./([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(tests);
        Assert.All(tests, t => Assert.True(File.Exists(RepositoryFiles.PathOf(t)) && File.ReadAllText(RepositoryFiles.PathOf(t)).Contains(id, StringComparison.Ordinal), $"{t} is listed but does not mention {id}: {hint}"));
    }

    private const string SourcesPrefix = "Sources: ";

    // What constructs each rule's finding (not the analyzer that reports it): the rule's decision, found by these words
    // in src/ModelAnalyzers outside the analyzers and the rule list, so a decision that moves is found where it went.
    private static readonly Dictionary<string, string> DecidedBy = new()
    {
        ["MDL0001"] = @"VerdictKind\.Retired\b",
        ["MDL0002"] = @"VerdictKind\.Deprecated\b",
        ["MDL0003"] = @"VerdictKind\.Costlier\b",
        ["MDL0004"] = @"new OptionFinding\(",
        ["MDL0005"] = @"VerdictKind\.Misspelled\b",
        ["MDL0006"] = @"static bool IsLikelyKey\(",
        ["MDL0900"] = @"has the invalid value|the file.s model settings are not judged",
        ["MDL0901"] = @"new OverlayProblem\(",
        ["MDL0902"] = @"The model data is from",
    };

    private static string SourcesLine(string id)
    {
        var analyzers = Workbench.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).Select(a => a.GetType().Name);
        var fixers = Workbench.CodeFixProviders.Where(f => f.FixableDiagnosticIds.Contains(id)).Select(f => f.GetType().Name);
        var decided = Directory.GetFiles(RepositoryFiles.PathOf("src/ModelAnalyzers"), "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != RepositoryFiles.PathOf("src/ModelAnalyzers") && !f.EndsWith("VerdictKind.cs", StringComparison.Ordinal)
                && !IsBuildOutput(f) && System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), DecidedBy[id]))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(decided.Count > 0, $"no file in src/ModelAnalyzers decides {id} ({DecidedBy[id]}): update DecidedBy");

        // Test classes only (benchmarks and helpers are not tests of a rule), the rule-named class first.
        var tests = Directory.GetFiles(RepositoryFiles.PathOf("tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && Path.GetFileName(f) != "RuleMetadataTests.cs" && File.ReadAllText(f).Contains(id, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .OrderBy(t => Path.GetFileName(t).StartsWith(id, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(t => t, StringComparer.Ordinal);
        string Link(string typeName) => $"[{typeName}](../../{SourceFileOf(typeName)})";
        string line = SourcesPrefix + "analyzer " + string.Join(", ", analyzers.Select(Link));
        if (fixers.Any())
        {
            line += "; fix " + string.Join(", ", fixers.Select(Link));
        }

        line += "; decided in " + string.Join(", ", decided.Select(f => $"[{Path.GetFileNameWithoutExtension(f)}](../../{f})"));
        return line + "; tests " + string.Join(", ", tests.Select(t => $"[{Path.GetFileNameWithoutExtension(t)}](../../{t})")) + ".";
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string SourceFileOf(string typeName) =>
        Directory.GetFiles(RepositoryFiles.PathOf("src"), typeName + ".cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .Single();

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReleaseTrackingAndReadmeListTheRuleWithItsSeverity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        string tracking = File.ReadAllText(RepositoryFiles.PathOf("src/ModelAnalyzers/AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(RepositoryFiles.PathOf("src/ModelAnalyzers/AnalyzerReleases.Shipped.md"));
        string readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", tracking);
        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme);
    }

    [Fact]
    public void CodeFixProvidersAreExportedUnderTheirOwnName()
    {
        foreach (var type in typeof(CodeFixes.UseModelCodeFixProvider).Assembly.GetTypes().Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(type.Name, export!.Name);
        }
    }

    [Fact]
    public void AnalyzerAssemblyDoesNotReferenceWorkspaces()
    {
        var references = typeof(ModelLifecycleAnalyzer).Assembly.GetReferencedAssemblies();

        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
        var roslyn = Assert.Single(references, r => r.Name == "Microsoft.CodeAnalysis");
        Assert.True(roslyn.Version <= new Version(4, 8, 0, 0), $"the analyzer needs Roslyn {roslyn.Version}: hosts older than that cannot load it");
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(ModelLifecycleAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id);
}

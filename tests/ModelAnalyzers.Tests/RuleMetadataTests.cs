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

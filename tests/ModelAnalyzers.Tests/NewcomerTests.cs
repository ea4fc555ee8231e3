using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// docs/architecture.md tells the next engineer that a new SDK member needs one row in Sites/SdkSiteMap.cs (then a
/// test and the regenerated docs/sdks.md). This checks the claim as the engineer would make the change: the analyzer
/// is compiled from its sources with that one line added to SdkSiteMap.cs and nothing else, and the member the map
/// leaves out (<c>OpenAIModelClient.GetModel</c>) is then reported, where the shipped analyzer does not report it.
/// </summary>
public class NewcomerTests
{
    private const string Row = """new SdkSite(OpenAI, "OpenAI.Models.OpenAIModelClient", "GetModel", "model"),""";

    [Fact]
    public async Task OneSiteMapRowIsAllANewSdkMemberNeeds()
    {
        var document = await Workbench.CreateDocumentAsync("""
            using OpenAI.Models;

            class Catalog
            {
                void Describe(OpenAIModelClient client) => client.GetModel("gpt-4");
            }
            """);
        var compilation = (await document.Project.GetCompilationAsync())!;

        var edited = AnalyzerSources.Load(AnalyzerSources.Compile("ModelAnalyzers.WithOneRow", (path, text) =>
            path == "Sites/SdkSiteMap.cs" ? AddRow(text) : text));
        var withRow = (DiagnosticAnalyzer)Activator.CreateInstance(edited.GetType(typeof(ModelLifecycleAnalyzer).FullName!, throwOnError: true)!)!;

        var shipped = await RetiredAsync(compilation, document, new ModelLifecycleAnalyzer());
        var found = await RetiredAsync(compilation, document, withRow);

        Assert.DoesNotContain(Row, File.ReadAllText(RepositoryFiles.PathOf("src/ModelAnalyzers/Sites/SdkSiteMap.cs")));
        Assert.Empty(shipped);
        Assert.Equal(new[] { "\"gpt-4\"" }, found.Select(d => document.GetTextAsync().Result.ToString(d.Location.SourceSpan)));
    }

    private static string AddRow(string text)
    {
        const string anchor = "// Clients that are bound to one model.";
        Assert.Contains(anchor, text);
        return text.Replace(anchor, anchor + Environment.NewLine + Row, StringComparison.Ordinal);
    }

    private static async Task<List<Diagnostic>> RetiredAsync(Compilation compilation, Document document, DiagnosticAnalyzer analyzer)
    {
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == RuleIds.Retired).ToList();
    }
}

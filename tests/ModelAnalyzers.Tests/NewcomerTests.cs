using Microsoft.CodeAnalysis;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Tests.Infrastructure;
using ModelAnalyzers.Walk;

namespace ModelAnalyzers.Tests;

/// <summary>
/// docs/architecture.md tells the next engineer that a new SDK member needs one row in Sites/SdkSiteMap.cs (then a
/// test and the regenerated docs/sdks.md). This checks the claim: a member the map deliberately leaves out is not a
/// site, and the same map with that one row added finds the literal, with no other file touched.
/// </summary>
public class NewcomerTests
{
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
        var semanticModel = (await document.GetSemanticModelAsync())!;
        var row = new SdkSite(SdkAssemblies.OpenAI, "OpenAI.Models.OpenAIModelClient", "GetModel", "model");

        var withoutRow = Literals(semanticModel, SiteIndex.Create(semanticModel.Compilation, SiteKind.Model)!);
        var withRow = Literals(semanticModel, SiteIndex.Create(semanticModel.Compilation, SiteKind.Model, SdkSiteMap.Sites.Add(row))!);

        Assert.DoesNotContain(row, SdkSiteMap.Sites);
        Assert.Empty(withoutRow);
        Assert.Equal(new[] { "gpt-4" }, withRow);
    }

    private static List<string> Literals(SemanticModel semanticModel, SiteIndex sites)
    {
        var found = new List<string>();
        SiteWalker.Walk(semanticModel, sites, members: null, (sources, _) => found.AddRange(sources.Literals.Select(l => l.Value)), CancellationToken.None);
        return found;
    }
}

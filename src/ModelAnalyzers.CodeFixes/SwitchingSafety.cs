using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Requests;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// Switching stays safe: before an MDL0001-MDL0003 fix moves a model literal to a target, find the options of the
/// requests that literal reaches (the MDL0004 linker, run backwards over the document) that the target rejects.
/// </summary>
internal static class SwitchingSafety
{
    // Fix All visits many documents of one project: its overlays are read and applied once per project.
    private static readonly ConditionalWeakTable<Project, Task<ModelCatalog>> Catalogs = new();

    // A Fix All asks once per site; the document's option links are found once per semantic model.
    private static readonly ConditionalWeakTable<SemanticModel, List<OptionLink>> Links = new();


    /// <summary>The built-in catalog with the project's overlays, through the analyzers' own factory (read without blocking).</summary>
    public static Task<ModelCatalog> CatalogAsync(Project project) => Catalogs.GetValue(project, LoadCatalogAsync);

    /// <summary>True when the target has any option rule, so that the (semantic) search is worth doing.</summary>
    public static bool MayConflict(ModelCatalog catalog, string target) =>
        catalog.Find(target) is { } model && (model.RejectedParameters.Count > 0 || model.RejectedEfforts.Count > 0 || model.MaxOutput is not null);

    public static List<OptionConflict> Find(SemanticModel semanticModel, ModelCatalog catalog, TextSpan literalSpan, string target, CancellationToken cancellationToken)
    {
        var conflicts = new List<OptionConflict>();
        if (catalog.Find(target) is not { } targetModel)
        {
            return conflicts;
        }

        foreach (var link in Links.GetValue(semanticModel, m => FindLinks(m, cancellationToken)))
        {
            if (link.Request.Models.Any(m => m.Node.SyntaxTree == semanticModel.SyntaxTree && m.Node.Span == literalSpan)
                && OptionJudge.Judge(targetModel, link.Option, link.Request.Effort) is { } finding)
            {
                conflicts.Add(new OptionConflict(link.Assignment, finding));
            }
        }

        return conflicts;
    }

    /// <summary>The MDL0004 links of the document, from the same per-compilation site index and option map the analyzers use.</summary>
    private static List<OptionLink> FindLinks(SemanticModel semanticModel, CancellationToken cancellationToken) =>
        CompilationMaps.SitesOf(semanticModel.Compilation) is not { } sites
            ? new List<OptionLink>()
            : RequestLinker.LinkAll(semanticModel, CompilationMaps.RequestOptionsOf(semanticModel.Compilation), sites, CompilationMaps.MembersOf(semanticModel.Compilation), cancellationToken)
                .ToList();

    private static async Task<ModelCatalog> LoadCatalogAsync(Project project)
    {
        // Shared by every caller, so not tied to one caller's cancellation; reading a few small files is quick.
        var overlays = new List<(string Path, SourceText Text)>();
        foreach (var document in project.AdditionalDocuments)
        {
            if (document.FilePath is { } path && CatalogOverlay.IsOverlayPath(path))
            {
                overlays.Add((path, await document.GetTextAsync(CancellationToken.None).ConfigureAwait(false)));
            }
        }

        return CatalogOverlay.ForProject(overlays, new List<OverlayProblem>());
    }
}

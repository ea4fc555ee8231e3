using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Requests;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.CodeFixes;

/// <summary>An option a fix must mend when it moves a request to another model.</summary>
internal readonly struct OptionConflict
{
    public OptionConflict(AssignmentExpressionSyntax assignment, OptionFinding finding)
    {
        Assignment = assignment;
        Finding = finding;
    }

    public AssignmentExpressionSyntax Assignment { get; }

    public OptionFinding Finding { get; }

    public bool CanApply => OptionEdits.CanApply(Assignment, Finding.Fix, Finding.FixValue);
}

/// <summary>
/// Switching stays safe: before an MDL0001-MDL0003 fix moves a model literal to a target, find the options of the
/// requests that literal reaches (the MDL0004 linker, run backwards over the document) that the target rejects.
/// </summary>
internal static class SwitchingSafety
{
    private sealed record CompilationFacts(SiteIndex? Sites, Dictionary<IPropertySymbol, RequestOption> Options);

    // Fix All visits many documents of one compilation: resolve the maps and overlays once per compilation.
    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> Facts = new();
    private static readonly ConditionalWeakTable<Project, ModelCatalog> Catalogs = new();

    /// <summary>True when the target has any option rule, so that the (semantic) search is worth doing.</summary>
    public static bool MayConflict(Project project, string target) =>
        CatalogOf(project).Find(target) is { } model && (model.RejectedParameters.Count > 0 || model.MaxOutput is not null);

    public static List<OptionConflict> Find(SemanticModel semanticModel, Project project, TextSpan literalSpan, string target, CancellationToken cancellationToken)
    {
        var conflicts = new List<OptionConflict>();
        if (CatalogOf(project).Find(target) is not { } targetModel)
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

    private sealed record OptionLink(AssignmentExpressionSyntax Assignment, OptionAssignment Option, RequestObject Request);

    // A Fix All asks once per site; the document's option links are found once per semantic model.
    private static readonly ConditionalWeakTable<SemanticModel, List<OptionLink>> Links = new();

    private static List<OptionLink> FindLinks(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var facts = Facts.GetValue(semanticModel.Compilation, c => new CompilationFacts(SiteIndex.Create(c, SiteKind.Model), RequestOptionMap.Resolve(c)));
        return facts.Sites is null
            ? new List<OptionLink>()
            : RequestLinker.LinkAll(semanticModel, facts.Options, facts.Sites, cancellationToken).Select(l => new OptionLink(l.Syntax, l.Option, l.Request)).ToList();
    }

    /// <summary>The built-in catalog with the project's overlays, as the analyzers see it.</summary>
    private static ModelCatalog CatalogOf(Project project) => Catalogs.GetValue(project, LoadCatalog);

    private static ModelCatalog LoadCatalog(Project project)
    {
        var overlays = project.AdditionalDocuments
            .Where(d => d.FilePath is { } path && CatalogOverlay.IsOverlayPath(path))
            .Select(d => (d.FilePath!, d.TryGetText(out var text) ? text : d.GetTextAsync().GetAwaiter().GetResult()))
            .ToList();
        return overlays.Count == 0 ? ModelCatalog.BuiltIn : CatalogOverlay.Apply(ModelCatalog.BuiltIn, overlays, new List<OverlayProblem>());
    }
}

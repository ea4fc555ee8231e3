using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Requests;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;
using ModelAnalyzers.Walk;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// Whether any of the package's analyzers can report in a tree, from its words and syntax alone: each analyzer's own
/// pre-filter, asked up front. model-audit analyzes only these trees, so nothing a build reports is missed and the
/// files that cannot hold a finding (most of a monorepo's) are never bound.
/// </summary>
internal sealed class ReportScope
{
    private readonly Compilation _compilation;
    private readonly SiteIndex _sites;
    private readonly VerdictCache _verdicts;
    private readonly SiteWalks _walks;

    public ReportScope(Compilation compilation, SiteIndex sites, VerdictCache verdicts, SiteWalks walks)
    {
        _compilation = compilation;
        _sites = sites;
        _verdicts = verdicts;
        _walks = walks;
    }

    /// <summary>
    /// An SDK or wrapper site that may carry a model, a request option assignment (MDL0004), a write of a model-like
    /// literal to a member some site reads, or, when any file holds "sk-", a key site (MDL0006).
    /// </summary>
    public bool MayReportIn(SyntaxTree tree, CancellationToken cancellationToken) =>
        CandidateNodes.Find(tree, _sites.CandidateNames, cancellationToken).Any(MaySdkSiteCarryModel)
        || CandidateNodes.Find(tree, _walks.WrapperCandidateNames, cancellationToken).Any(node => MayCarryModel(node, _verdicts.IsKnown))
        || CandidateNodes.Find(tree, RequestLinker.CheckedAssignments, cancellationToken).Count > 0
        || (CompilationMaps.KeySitesOf(_compilation) is { } keys && CandidateNodes.Find(tree, keys.CandidateNames, cancellationToken).Count > 0)
        || WriteSites.Writes(tree, _walks.FirstWordsOfModels, _verdicts.IsModelLike, name => _walks.IsReadName(name, cancellationToken), cancellationToken).Any();

    /// <summary>
    /// An SDK member's candidate: a call or creation named as an SDK member always counts (the inventory lists every
    /// value it is given, deployment names too). A target-typed <c>new()</c>, or an assignment to a property whose name
    /// an SDK property also has, counts when it may carry a model (below); an assignment in the initializer of a type
    /// no SDK site is initialized with (<c>new Car { Model = ... }</c>) is not an SDK site at all (the site walk's own
    /// pre-filter).
    /// </summary>
    private bool MaySdkSiteCarryModel(SyntaxNode candidate) => candidate switch
    {
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation } }
            when !_sites.IsCandidateInitializedTypeName(NodeNames.TypeName(creation)) => false,
        ImplicitObjectCreationExpressionSyntax or AssignmentExpressionSyntax => MayCarryModel(candidate, _verdicts.IsModelLike),
        _ => CandidateValues(candidate).Any(),
    };

    /// <summary>
    /// Whether a candidate passes anything a model can come from: a value that is not a literal (a const, a member, a
    /// call: followed by the walk), or a literal the judgement can say something of (<paramref name="counts"/>: a
    /// known id or a near miss at an SDK site, a known id at a wrapper's; a deployment an overlay maps; a fine-tune).
    /// One whose values are all other literals (<c>new() { ["name"] = "svc" }</c>, <c>Model = "car"</c>) is neither
    /// reported nor listed.
    /// </summary>
    private bool MayCarryModel(SyntaxNode candidate, Func<string, bool> counts)
    {
        foreach (var value in CandidateValues(candidate))
        {
            if (ValueShapes.Unwrap(value) is not LiteralExpressionSyntax literal
                || (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText is var text
                    && (counts(text) || _verdicts.Catalog.Deployments.ContainsKey(text) || text.StartsWith("ft:", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ExpressionSyntax> CandidateValues(SyntaxNode candidate) => candidate switch
    {
        InvocationExpressionSyntax call => call.ArgumentList.Arguments.Select(a => a.Expression),
        BaseObjectCreationExpressionSyntax creation => (creation.ArgumentList?.Arguments.Select(a => a.Expression) ?? Enumerable.Empty<ExpressionSyntax>())
            .Concat(creation.Initializer?.Expressions.SelectMany(InitializedValues) ?? Enumerable.Empty<ExpressionSyntax>()),
        AssignmentExpressionSyntax assignment => new[] { assignment.Right },
        ConstructorInitializerSyntax initializer => initializer.ArgumentList.Arguments.Select(a => a.Expression),
        PrimaryConstructorBaseTypeSyntax primary => primary.ArgumentList.Arguments.Select(a => a.Expression),
        _ => new[] { (ExpressionSyntax)SyntaxFactory.IdentifierName("_") }, // a shape not listed here: keep the tree
    };

    private static IEnumerable<ExpressionSyntax> InitializedValues(ExpressionSyntax element) => element switch
    {
        AssignmentExpressionSyntax { Right: InitializerExpressionSyntax nested } => nested.Expressions.SelectMany(InitializedValues),
        AssignmentExpressionSyntax assignment => new[] { assignment.Right },
        InitializerExpressionSyntax nested => nested.Expressions.SelectMany(InitializedValues),
        _ => new[] { element },
    };
}

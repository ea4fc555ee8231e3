using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Analysis;

/// <summary>
/// Per-compilation state shared by the model analyzers (RS1008: none of it may live on an analyzer instance):
/// the site index, the catalog with overlays applied and options parsed once per options object. Built once per
/// compilation for all four analyzers (resolving the site map walks the SDK's types); what each analyzer has already
/// reported stays its own (<see cref="NewReportedSet"/>).
/// </summary>
internal sealed class ModelJudgements
{
    // Compilation -> options -> judgements. Weak keys: an IDE makes a compilation per edit and drops the old one.
    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, Holder>> Shared = new();

    private readonly ModelCatalog _catalog;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, JudgePolicy> _policies = new();
    private readonly ConcurrentDictionary<string, byte> _configurationProblems = new();

    private readonly Lazy<WrapperNames> _wrappers;

    private ModelJudgements(Compilation compilation, SiteIndex sites, ModelCatalog catalog, AnalyzerConfigOptionsProvider options, IReadOnlyList<OverlayProblem> overlayProblems)
    {
        _wrappers = new Lazy<WrapperNames>(() => WrapperNames.Create(compilation));
        Sites = sites;
        _catalog = catalog;
        _options = options;
        OverlayProblems = overlayProblems;
    }

    public SiteIndex Sites { get; }

    /// <summary>The built-in catalog with this compilation's overlays applied.</summary>
    public ModelCatalog Catalog => _catalog;

    /// <summary>The catalog entry a value names: a model id, or a deployment an overlay maps to one.</summary>
    public ModelInfo? FindModel(string value) =>
        _catalog.Find(value) ?? (_catalog.Deployments.TryGetValue(value, out var model) ? _catalog.Find(model) : null);

    public IReadOnlyList<OverlayProblem> OverlayProblems { get; }

    public IEnumerable<string> ConfigurationProblems => _configurationProblems.Keys;

    /// <summary>The literals one analyzer has reported: an analyzer reports a literal once however many sites reach it.</summary>
    public static ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> NewReportedSet() => new();

    /// <summary>The compilation's judgements, built by the first analyzer that asks; null when no SDK is referenced.</summary>
    public static ModelJudgements? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Shared.GetValue(compilation, _ => new ConditionalWeakTable<AnalyzerOptions, Holder>())
            .GetValue(options, o => new Holder(new Lazy<ModelJudgements?>(() => Create(compilation, o, CancellationToken.None))))
            .Judgements.Value;

    private sealed class Holder
    {
        public Holder(Lazy<ModelJudgements?> judgements) => Judgements = judgements;

        public Lazy<ModelJudgements?> Judgements { get; }
    }

    /// <summary>Null when the compilation references no SDK with model sites: nothing to register then.</summary>
    public static ModelJudgements? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (SiteIndex.Create(compilation, SiteKind.Model) is not { } sites)
        {
            return null;
        }

        // Overlays are parsed once per compilation; without any, the built-in catalog (parsed once per process) is shared.
        var overlays = new List<(string Path, SourceText Text)>();
        foreach (var file in options.AdditionalFiles)
        {
            if (CatalogOverlay.IsOverlayPath(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                overlays.Add((file.Path, text));
            }
        }

        var problems = new List<OverlayProblem>();
        var catalog = overlays.Count == 0 ? ModelCatalog.BuiltIn : CatalogOverlay.Apply(ModelCatalog.BuiltIn, overlays, problems);
        return new ModelJudgements(compilation, sites, catalog, options.AnalyzerConfigOptionsProvider, problems);
    }

    /// <summary>Judges every literal that reaches a model site in the tree, once per literal however many sites use it.</summary>
    public void Walk(SemanticModelAnalysisContext context, ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> reported, Action<ModelLiteral, Verdict> report) =>
        Visit(context, reported, (literal, verdict) =>
        {
            if (verdict is not null)
            {
                report(literal, verdict);
            }
        });

    /// <summary>Every model literal in the tree with its verdict, null when the model is fine: the model-audit inventory.</summary>
    public void Inventory(SemanticModelAnalysisContext context, Action<ModelLiteral, Verdict?> found) =>
        Visit(context, new ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte>(), found);

    private void Visit(SemanticModelAnalysisContext context, ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> seen, Action<ModelLiteral, Verdict?> found)
    {
        SiteWalker.Walk(context, Sites, (value, site) => JudgeValue(context, value, site.IsDeployment, knownOnly: false, seen, found));

        // A team's own wrappers: only known ids count there (a near miss in a user's "Model" property may be anything).
        WrapperSites.Walk(context, _wrappers.Value, IsKnown, (value, isDeployment) => JudgeValue(context, value, isDeployment, knownOnly: true, seen, found));
    }

    private bool IsKnown(string value) => _catalog.Find(value) is not null || AzureCatalog.BuiltIn.Find(value) is not null;

    private void JudgeValue(
        SemanticModelAnalysisContext context, IOperation value, bool isDeployment, bool knownOnly, ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> seen, Action<ModelLiteral, Verdict?> found)
    {
        foreach (var literal in ModelValueResolver.Resolve(value, context.CancellationToken))
        {
            if ((knownOnly && !IsKnown(literal.Value)) || !seen.TryAdd((literal.Node.SyntaxTree, literal.Node.Span), 0))
            {
                continue;
            }

            // Judged with the options of the file that holds the literal, whichever site reached it.
            var policy = PolicyFor(literal.Node.SyntaxTree);
            found(literal, isDeployment
                ? DeploymentJudge.Judge(_catalog, AzureCatalog.BuiltIn, literal.Value, policy)
                : ModelJudge.Judge(_catalog, literal.Value, policy));
        }
    }

    /// <summary>Judges one model id found in a settings file, with that file's options.</summary>
    public Verdict? JudgeSetting(AdditionalText file, string value) =>
        ModelJudge.Judge(_catalog, value, _policies.GetOrAdd(_options.GetOptions(file), ReadPolicy));

    private JudgePolicy ReadPolicy(AnalyzerConfigOptions options) =>
        OptionsReader.Read(options, _options.GlobalOptions, _catalog, problem => _configurationProblems.TryAdd(problem, 0));

    private JudgePolicy PolicyFor(SyntaxTree tree) =>
        _policies.GetOrAdd(_options.GetOptions(tree), ReadPolicy);
}

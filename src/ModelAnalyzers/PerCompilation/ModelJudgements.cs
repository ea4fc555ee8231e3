using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;
using ModelAnalyzers.Walk;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// The one per-compilation seam (RS1008: none of it may live on an analyzer instance): the site index and the request
/// option map (per compilation, <see cref="SitesOf"/> and <see cref="RequestOptionsOf"/>, which the switching-safe fixes
/// reuse), the catalog with overlays applied (<see cref="CatalogOverlay.ForProject"/>, the factory the fixes and
/// model-audit use too) and options parsed once per options object. It takes semantic models and returns data; the
/// analyzers report. What each analyzer has already reported stays its own (<see cref="NewReportedSet"/>).
/// </summary>
internal sealed class ModelJudgements
{
    // Compilation -> options -> judgements. Weak keys: an IDE makes a compilation per edit and drops the old one.
    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, Holder>> Shared = new();

    // Resolving the maps walks the SDKs' types: once per compilation, whatever the options.
    private static readonly ConditionalWeakTable<Compilation, CompilationMaps> Maps = new();

    private readonly ModelCatalog _catalog;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, JudgePolicy> _policies = new();
    private readonly ConcurrentDictionary<string, byte> _configurationProblems = new();

    private readonly Lazy<WrapperNames> _wrappers;
    private readonly Lazy<CandidateNames> _candidateNames;
    private readonly ConditionalWeakTable<SemanticModel, OncePerModel> _byModel = new();
    private readonly ConcurrentDictionary<(JudgePolicy Policy, string Value, AzureName Azure), Verdict?> _verdicts = new();

    private ModelJudgements(Compilation compilation, SiteIndex sites, ModelCatalog catalog, AnalyzerConfigOptionsProvider options, IReadOnlyList<OverlayProblem> overlayProblems)
    {
        _wrappers = new Lazy<WrapperNames>(() => WrapperNames.Create(compilation));
        _candidateNames = new Lazy<CandidateNames>(() => sites.CandidateNames.With(_wrappers.Value.CandidateNames));
        Sites = sites;
        _catalog = catalog;
        _options = options;
        OverlayProblems = overlayProblems;
    }

    public SiteIndex Sites { get; }

    /// <summary>The model sites of the compilation's SDKs; null when it references none.</summary>
    public static SiteIndex? SitesOf(Compilation compilation) => MapsOf(compilation).Sites.Value;

    /// <summary>The request options (MDL0004) of the compilation's SDKs, by property symbol.</summary>
    public static Dictionary<IPropertySymbol, RequestOption> RequestOptionsOf(Compilation compilation) => MapsOf(compilation).Options.Value;

    private static CompilationMaps MapsOf(Compilation compilation) => Maps.GetValue(compilation, c => new CompilationMaps(c));

    private sealed class CompilationMaps
    {
        public CompilationMaps(Compilation compilation)
        {
            Sites = new Lazy<SiteIndex?>(() => SiteIndex.Create(compilation, SiteKind.Model));
            Options = new Lazy<Dictionary<IPropertySymbol, RequestOption>>(() => RequestOptionMap.Resolve(compilation));
        }

        public Lazy<SiteIndex?> Sites { get; }

        public Lazy<Dictionary<IPropertySymbol, RequestOption>> Options { get; }
    }

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

    private sealed record Holder(Lazy<ModelJudgements?> Judgements);

    /// <summary>Null when the compilation references no SDK with model sites: nothing to register then.</summary>
    private static ModelJudgements? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (SitesOf(compilation) is not { } sites)
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
        return new ModelJudgements(compilation, sites, CatalogOverlay.ForProject(overlays, problems), options.AnalyzerConfigOptionsProvider, problems);
    }

    /// <summary>Reports every literal of the tree whose model has a finding, once per analyzer however many sites or trees reach it.</summary>
    public void Walk(SemanticModel model, ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> reported, Action<ModelLiteral, Verdict> report, CancellationToken cancellationToken)
    {
        foreach (var judged in JudgedLiterals(model, cancellationToken))
        {
            if (judged.Verdict is { } verdict && reported.TryAdd((judged.Literal.Node.SyntaxTree, judged.Literal.Node.Span), 0))
            {
                report(judged.Literal, verdict);
            }
        }
    }

    /// <summary>Every model literal in the tree with its verdict, null when the model is fine: the model-audit inventory.</summary>
    public void Inventory(SemanticModel model, Action<ModelLiteral, Verdict?> found, CancellationToken cancellationToken)
    {
        foreach (var judged in JudgedLiterals(model, cancellationToken))
        {
            found(judged.Literal, judged.Verdict);
        }
    }

    /// <summary>
    /// The literals that reach a model site in the tree, each once, with their verdicts. Computed once per semantic
    /// model for every analyzer that reports verdicts (MDL0001-3 and MDL0005 are two analyzers, one per fix family):
    /// the driver hands all analyzers the same SemanticModel, so the walk, its value resolution and its judgements are
    /// done once instead of once per analyzer (they were two thirds of one document's cost once its members are bound).
    /// </summary>
    private IReadOnlyList<JudgedLiteral> JudgedLiterals(SemanticModel model, CancellationToken cancellationToken) =>
        _byModel.GetValue(model, _ => new OncePerModel()).Get(() => Collect(model, cancellationToken));

    private List<JudgedLiteral> Collect(SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<JudgedLiteral>();
        var seen = new HashSet<(SyntaxTree Tree, TextSpan Span)>();
        void Add(ModelLiteral literal, AzureName azure, bool knownOnly)
        {
            // A literal in another tree (a shared const) is listed by every tree that reaches it; each analyzer
            // reports it once (Walk's reported set).
            if ((!knownOnly || IsKnown(literal.Value)) && seen.Add((literal.Node.SyntaxTree, literal.Node.Span)))
            {
                found.Add(new JudgedLiteral(literal, Judge(literal, azure)));
            }
        }

        // One list of candidates for both walks: the SDK sites' names and the wrappers' found in one pass.
        var candidates = CandidateNodes.Find(model.SyntaxTree, _candidateNames.Value, cancellationToken);
        SiteWalker.Walk(model, Sites, candidates, (literal, site) => Add(literal, site.IsDeployment ? AzureName.Deployment : site.IsAzureModel ? AzureName.Model : AzureName.None, knownOnly: false), cancellationToken);

        // A team's own wrappers: only known ids count there (a near miss in a user's "Model" property may be anything).
        WrapperSites.Walk(model, _wrappers.Value, candidates, IsKnown, (value, isDeployment) =>
        {
            foreach (var literal in ModelValueResolver.Resolve(value, cancellationToken))
            {
                Add(literal, isDeployment ? AzureName.Deployment : AzureName.None, knownOnly: true);
            }
        }, cancellationToken);
        return found;
    }

    private bool IsKnown(string value) => _catalog.Find(value) is not null || AzureCatalog.BuiltIn.Find(value) is not null;

    /// <summary>
    /// Judged with the options of the file that holds the literal, whichever site reached it. Verdicts are cached per
    /// policy and value: the same few ids recur across a project, and a near miss costs a spelling search each time.
    /// </summary>
    private Verdict? Judge(ModelLiteral literal, AzureName azure)
    {
        var policy = PolicyFor(literal.Node.SyntaxTree);
        return _verdicts.GetOrAdd((policy, literal.Value, azure), key => key.Azure switch
        {
            AzureName.Deployment => DeploymentJudge.Judge(_catalog, AzureCatalog.BuiltIn, key.Value, key.Policy),
            // An Azure connector's model parameter: an Azure spelling the OpenAI catalog does not know is Azure's model.
            AzureName.Model when _catalog.Find(key.Value) is null && AzureCatalog.BuiltIn.Find(key.Value) is not null =>
                DeploymentJudge.Judge(_catalog, AzureCatalog.BuiltIn, key.Value, key.Policy, isModelName: true),
            _ => ModelJudge.Judge(_catalog, key.Value, key.Policy),
        });
    }

    /// <summary>
    /// MDL0902's message when the compilation's as-of date is more than the configured number of days past the
    /// catalog's date (built-in data and overlays), else null. Once per compilation, at the latest as-of date any
    /// file was judged at (the build's own date when no file was).
    /// </summary>
    public string? StaleCatalogMessage()
    {
        _policies.GetOrAdd(_options.GlobalOptions, ReadPolicy);
        JudgePolicy? policy = null;
        foreach (var candidate in _policies.Values)
        {
            if (candidate.CatalogAgeWarningDays is int limit && (candidate.AsOf - _catalog.AsOf).TotalDays > limit
                && (policy is null || candidate.AsOf > policy.AsOf))
            {
                policy = candidate;
            }
        }

        if (policy is null)
        {
            return null;
        }

        int days = (int)(policy.AsOf - _catalog.AsOf).TotalDays;
        return $"The model data is from {ModelCatalog.FormatDate(_catalog.AsOf)}, {days} days before the as-of date {ModelCatalog.FormatDate(policy.AsOf)}: "
            + "models, prices and shutdowns announced since then are not known. Update the ModelAnalyzers package, or refresh a *.models.json overlay "
            + $"and set its \"asOf\"; '{OptionsReader.CatalogAgeWarningKey} = off' turns this off";
    }

    /// <summary>The as-of date the verdicts of a file are judged at (model-audit reports it).</summary>
    public DateTime AsOfFor(SyntaxTree tree) => PolicyFor(tree).AsOf;

    /// <summary>Judges one model id found in a settings file, with that file's options.</summary>
    public Verdict? JudgeSetting(AdditionalText file, string value) =>
        ModelJudge.Judge(_catalog, value, _policies.GetOrAdd(_options.GetOptions(file), ReadPolicy));

    private JudgePolicy ReadPolicy(AnalyzerConfigOptions options) =>
        OptionsReader.Read(options, _options.GlobalOptions, _catalog, problem => _configurationProblems.TryAdd(problem, 0));

    private JudgePolicy PolicyFor(SyntaxTree tree) =>
        _policies.GetOrAdd(_options.GetOptions(tree), ReadPolicy);

    /// <summary>A literal at a model site and its verdict (null: the model is fine).</summary>
    private readonly record struct JudgedLiteral(ModelLiteral Literal, Verdict? Verdict);

    /// <summary>
    /// Computes a tree's result once. Not a Lazy: a Lazy caches the exception of a cancelled first caller, and the
    /// other analyzer would then throw another analysis's cancellation. Here a cancelled computation leaves nothing
    /// behind and the next caller computes it with its own token; later callers wait instead of repeating the work.
    /// </summary>
    private sealed class OncePerModel
    {
        private readonly object _gate = new();
        private IReadOnlyList<JudgedLiteral>? _result;

        public IReadOnlyList<JudgedLiteral> Get(Func<IReadOnlyList<JudgedLiteral>> compute)
        {
            lock (_gate)
            {
                return _result ??= compute();
            }
        }
    }
}

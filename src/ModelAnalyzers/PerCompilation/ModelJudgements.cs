using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;
using ModelAnalyzers.Settings;
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
    private readonly ConditionalWeakTable<SyntaxTree, Once<IReadOnlyList<JudgedValue>>> _judgedByTree = new();
    private readonly ConditionalWeakTable<SyntaxTree, Once<SiteWalk>> _walkByTree = new();
    private readonly ConcurrentDictionary<ISymbol, SiteKindOfMember?> _readers = new(SymbolEqualityComparer.Default);
    private readonly Lazy<HashSet<string>> _firstWords;
    private readonly ConcurrentDictionary<string, bool> _modelLike = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _keysRead = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Once<StrongBox<bool>>> _readNames = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<AdditionalText, Once<IReadOnlyList<JudgedValue>>> _prompts = new();
    private readonly ConcurrentDictionary<(JudgePolicy Policy, string Value, AzureName Azure), Verdict?> _verdicts = new();
    private readonly MemberSources _members;
    private readonly Compilation _compilation;
    private readonly Lazy<IReadOnlyList<SettingsFile>> _settings;

    // Key sites count only when some file holds "sk-" (ApiKeyAnalyzer walks them then).
    private readonly Lazy<SiteIndex?> _keySites;

    /// <summary>The key sites (MDL0006) when some file of the compilation holds "sk-"; null otherwise.</summary>
    public SiteIndex? KeySites => _keySites.Value;

    private ModelJudgements(Compilation compilation, SiteIndex sites, ModelCatalog catalog, AnalyzerOptions analyzerOptions, IReadOnlyList<OverlayProblem> overlayProblems)
    {
        var options = analyzerOptions.AnalyzerConfigOptionsProvider;
        _wrappers = new Lazy<WrapperNames>(() => WrapperNames.Create(compilation));
        _members = MembersOf(compilation);
        _settings = new Lazy<IReadOnlyList<SettingsFile>>(() => ReadSettings(analyzerOptions));
        _compilation = compilation;
        _keySites = new Lazy<SiteIndex?>(() => compilation.SyntaxTrees.Any(ApiKeyDetector.MayHoldKey) ? SiteIndex.Create(compilation, SiteKind.ApiKey) : null);
        _firstWords = new Lazy<HashSet<string>>(() => FirstWords(catalog));
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

    /// <summary>The writes to, and configuration bindings of, the compilation's own settings members.</summary>
    public static MemberSources MembersOf(Compilation compilation) => MapsOf(compilation).Members;

    private static CompilationMaps MapsOf(Compilation compilation) => Maps.GetValue(compilation, c => new CompilationMaps(c));

    private sealed class CompilationMaps
    {
        public CompilationMaps(Compilation compilation)
        {
            Sites = new Lazy<SiteIndex?>(() => SiteIndex.Create(compilation, SiteKind.Model));
            Options = new Lazy<Dictionary<IPropertySymbol, RequestOption>>(() => RequestOptionMap.Resolve(compilation));
            Members = new MemberSources(compilation);
        }

        public MemberSources Members { get; }

        public Lazy<SiteIndex?> Sites { get; }

        public Lazy<Dictionary<IPropertySymbol, RequestOption>> Options { get; }
    }

    /// <summary>The built-in catalog with this compilation's overlays applied.</summary>
    public ModelCatalog Catalog => _catalog;

    /// <summary>The catalog entry a value names: a model id, or a deployment an overlay maps to one.</summary>
    public ModelInfo? FindModel(string value) =>
        _catalog.Find(value) ?? (_catalog.Deployments.TryGetValue(value, out var deployed) ? _catalog.Find(deployed.Model) ?? AzureModelOf(deployed.Model) : null);

    private ModelInfo? AzureModelOf(string name) => _catalog.Azure.Find(name) is { } azure ? _catalog.Find(azure.OpenAI) : null;

    public IReadOnlyList<OverlayProblem> OverlayProblems { get; }

    public IEnumerable<string> ConfigurationProblems => _configurationProblems.Keys;

    /// <summary>The literals one analyzer has reported: an analyzer reports a literal once however many sites reach it.</summary>
    public static ConcurrentDictionary<(object Source, TextSpan Span), byte> NewReportedSet() => new();

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
        return new ModelJudgements(compilation, sites, CatalogOverlay.ForProject(overlays, problems), options, problems);
    }

    /// <summary>Reports every value the tree's sites reach whose model has a finding, once per analyzer however many sites or trees reach it.</summary>
    public void Walk(SemanticModel model, ConcurrentDictionary<(object Source, TextSpan Span), byte> reported, Action<JudgedValue, Verdict> report, CancellationToken cancellationToken)
    {
        foreach (var judged in JudgedValues(model, cancellationToken))
        {
            if (judged.Verdict is { } verdict && reported.TryAdd(judged.Key, 0))
            {
                report(judged, verdict);
            }
        }
    }

    /// <summary>
    /// Whether any of the package's analyzers can report in this tree, from its words and syntax alone: it holds an
    /// SDK or wrapper site, a request option assignment (MDL0004), a write of a model-like literal to a member some
    /// site reads, or, when any file holds "sk-", a key site (MDL0006). model-audit analyzes only these trees: each
    /// analyzer's own pre-filter, asked up front, so nothing a build reports is missed.
    /// </summary>
    public bool MayReportIn(SyntaxTree tree, CancellationToken cancellationToken) =>
        CandidateNodes.Find(tree, Sites.CandidateNames, cancellationToken).Any(MaySdkSiteCarryModel)
        || CandidateNodes.Find(tree, _wrappers.Value.CandidateNames, cancellationToken).Any(node => MayCarryModel(node, IsKnown))
        || CandidateNodes.Find(tree, Requests.RequestLinker.CheckedAssignments, cancellationToken).Count > 0
        || (_keySites.Value is { } keys && CandidateNodes.Find(tree, keys.CandidateNames, cancellationToken).Count > 0)
        || WriteSites.Writes(tree, _firstWords.Value, IsModelLike, name => IsReadName(name, cancellationToken), cancellationToken).Any();

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
            when !Sites.IsCandidateInitializedTypeName(NodeNames.TypeName(creation)) => false,
        ImplicitObjectCreationExpressionSyntax or AssignmentExpressionSyntax => MayCarryModel(candidate, IsModelLike),
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
                    && (counts(text) || _catalog.Deployments.ContainsKey(text) || text.StartsWith("ft:", StringComparison.Ordinal))))
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

    /// <summary>Every model value the tree's sites reach with its verdict, null when the model is fine: the model-audit inventory.</summary>
    public IReadOnlyList<JudgedValue> Inventory(SemanticModel model, CancellationToken cancellationToken) => JudgedValues(model, cancellationToken);

    /// <summary>
    /// The values that reach a model site in the tree, each once, with their verdicts: literals (in this tree or
    /// another: a shared const), the literals this tree writes to settings members a site elsewhere reads, and the
    /// settings values of the configuration keys the sites read. Computed once per tree for every analyzer that reports
    /// verdicts (MDL0001-3 and MDL0005 are two analyzers, one per fix family), so the walk, its value resolution and
    /// its judgements are done once instead of once per analyzer.
    /// </summary>
    private IReadOnlyList<JudgedValue> JudgedValues(SemanticModel model, CancellationToken cancellationToken) =>
        _judgedByTree.GetValue(model.SyntaxTree, _ => new Once<IReadOnlyList<JudgedValue>>()).Get(() => Collect(model, cancellationToken));

    /// <summary>What the sites of one tree reach, and the settings members they read themselves.</summary>
    private sealed record SiteWalk(List<(ValueSources Sources, SiteKindOfMember Kind)> Values, Dictionary<ISymbol, SiteKindOfMember> DirectMembers);

    /// <summary>How the site that reads a value judges it: on which calendar, and whether only known ids count (a wrapper's).</summary>
    private sealed record SiteKindOfMember(AzureName Azure, bool KnownOnly);

    private static readonly SiteKindOfMember SdkModel = new(AzureName.None, false);
    private static readonly SiteKindOfMember SdkDeployment = new(AzureName.Deployment, false);
    private static readonly SiteKindOfMember SdkAzureModel = new(AzureName.Model, false);
    private static readonly SiteKindOfMember WrapperModel = new(AzureName.None, true);
    private static readonly SiteKindOfMember WrapperDeployment = new(AzureName.Deployment, true);



    private SiteWalk WalkOf(SemanticModel model, CancellationToken cancellationToken) =>
        _walkByTree.GetValue(model.SyntaxTree, _ => new Once<SiteWalk>()).Get(() => WalkSites(model, cancellationToken));

    private SiteWalk WalkSites(SemanticModel model, CancellationToken cancellationToken)
    {
        var walk = new SiteWalk(new List<(ValueSources, SiteKindOfMember)>(), new Dictionary<ISymbol, SiteKindOfMember>(SymbolEqualityComparer.Default));
        void Add(ValueSources sources, SiteKindOfMember kind)
        {
            walk.Values.Add((sources, kind));
            foreach (string key in sources.ConfigurationKeys)
            {
                _keysRead.TryAdd(key, 0);
            }

            foreach (var member in sources.DirectMembers)
            {
                if (!walk.DirectMembers.TryGetValue(member, out var known) || (known.KnownOnly && !kind.KnownOnly))
                {
                    walk.DirectMembers[member] = kind;
                }
            }
        }

        // One list of candidates for both walks: the SDK sites' names and the wrappers' found in one pass.
        var candidates = CandidateNodes.Find(model.SyntaxTree, _candidateNames.Value, cancellationToken);
        SiteWalker.Walk(model, Sites, candidates, _members, (sources, site) => Add(sources, site.IsDeployment ? SdkDeployment : site.IsAzureModel ? SdkAzureModel : SdkModel), cancellationToken);

        // A team's own wrappers: only known ids count there (a near miss in a user's "Model" property may be anything).
        WrapperSites.Walk(model, _wrappers.Value, candidates, IsKnown, (value, isDeployment) =>
        {
            var sources = new ValueSources(_members);
            ModelValueResolver.Resolve(value, sources, cancellationToken);
            Add(sources, isDeployment ? WrapperDeployment : WrapperModel);
        }, cancellationToken);
        return walk;
    }

    private List<JudgedValue> Collect(SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<JudgedValue>();
        var seen = new HashSet<(object Source, TextSpan Span)>();
        void Add(JudgedValue judged)
        {
            // A literal in another tree (a shared const) is listed by every tree that reaches it; each analyzer
            // reports it once (Walk's reported set).
            if (seen.Add(judged.Key))
            {
                found.Add(judged);
            }
        }

        void AddLiteral(ModelLiteral literal, SiteKindOfMember kind)
        {
            // An empty default (public string ChatModel { get; set; } = "";) names no model: not in the inventory either.
            if (literal.Value.Trim().Length > 0 && (!kind.KnownOnly || IsKnown(literal.Value)))
            {
                var policy = PolicyFor(literal.Node.SyntaxTree);
                Add(new JudgedValue(literal.Node.GetLocation(), literal.Node.SyntaxTree, literal.Value, Judge(literal.Value, policy, kind.Azure), policy.AsOf));
            }
        }

        var words = _firstWords.Value;
        foreach (var (sources, kind) in WalkOf(model, cancellationToken).Values)
        {
            foreach (var literal in sources.Literals)
            {
                // Written to a member this site reads: reported by the write's own file (below, in its analysis).
                if (!(literal.Written && WriteSites.IsFindable(literal, words, IsModelLike)))
                {
                    AddLiteral(literal, kind);
                }
            }

            foreach (string key in sources.ConfigurationKeys)
            {
                AddLinkedSettings(key, kind.Azure, kind.KnownOnly, Add);
            }
        }

        // This tree's writes to settings members that a site (here or in another file) reads itself.
        foreach (var (member, written) in WriteSites.Find(model, words, IsModelLike, name => IsReadName(name, cancellationToken), cancellationToken))
        {
            if (ReaderOf(member, model, cancellationToken) is not { } kind)
            {
                continue;
            }

            var sources = new ValueSources(_members);
            MemberSources.ResolveWrite(written, model, sources, cancellationToken);
            foreach (var literal in sources.Literals)
            {
                if (literal.Written && WriteSites.IsFindable(literal, words, IsModelLike))
                {
                    AddLiteral(literal, kind);
                }
            }
        }

        return found;
    }

    /// <summary>A known id (OpenAI's or Azure's) or a near miss of one: a literal worth following to the member it is written to.</summary>
    private bool IsModelLike(string value) =>
        _modelLike.GetOrAdd(value, v => IsKnown(v) || ModelSpelling.Suggest(_catalog, v) is not null);

    /// <summary>
    /// Whether a site may read a member of this name itself, from the syntax of the files that name it (cached per
    /// name): only then are the writes to that name bound, and the files that read it walked.
    /// </summary>
    private bool IsReadName(string name, CancellationToken cancellationToken) =>
        _readNames.GetOrAdd(name, n => new Once<StrongBox<bool>>()).Get(() => new StrongBox<bool>(ReadsName(name, cancellationToken))).Value;

    private bool ReadsName(string name, CancellationToken cancellationToken)
    {
        bool read = false;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (IdentifierIndex.For(tree).PositionsOf(name).Any() && WriteSites.MayBeReadAtSite(tree, name, _candidateNames.Value, cancellationToken))
            {
                read = true;
                break;
            }
        }

        return read;
    }



    /// <summary>How a site that reads <paramref name="member"/> itself judges it, asked of the files that name it; null when none reads it.</summary>
    private SiteKindOfMember? ReaderOf(ISymbol member, SemanticModel current, CancellationToken cancellationToken)
    {
        if (_readers.TryGetValue(member, out var known))
        {
            return known;
        }

        SiteKindOfMember? reader = null;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!IdentifierIndex.For(tree).PositionsOf(member.Name).Any())
            {
                continue;
            }

            var model = tree == current.SyntaxTree ? current : _compilation.GetSemanticModel(tree);
            if (WalkOf(model, cancellationToken).DirectMembers.TryGetValue(member, out var kind) && (reader is null || (reader.KnownOnly && !kind.KnownOnly)))
            {
                reader = kind;
            }
        }

        _readers.TryAdd(member, reader);
        return reader;
    }

    private static HashSet<string> FirstWords(ModelCatalog catalog)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in catalog.Models.Select(m => m.Id).Concat(catalog.Azure.Models.Select(m => m.Name)))
        {
            if (WriteSites.FirstWord(id) is { } word)
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// The settings values a configuration key a site reads is set to, whatever their keys are named. A value the
    /// name rule already judges (a model-named key holding a known id, <see cref="SettingsFindings"/>) is left to it, so
    /// each is reported once.
    /// </summary>
    private void AddLinkedSettings(string key, AzureName azure, bool knownOnly, Action<JudgedValue> add)
    {
        foreach (var settings in _settings.Value)
        {
            foreach (var value in settings.Values)
            {
                if (!ConfigurationPaths.SameKey(value.Path, key) || IsJudgedByName(value) || (knownOnly && !IsKnown(value.Value)))
                {
                    continue;
                }

                var policy = PolicyFor(settings.File);
                add(new JudgedValue(settings.LocationOf(value), settings.File, value.Value, Judge(value.Value, policy, azure), policy.AsOf));
            }
        }
    }

    /// <summary>The configuration keys the sites of the trees walked so far read (Ai:ChatModel): what model-audit links environment files to.</summary>
    public IEnumerable<string> ConfigurationKeysRead => _keysRead.Keys;

    /// <summary>Judges a value found outside the project's files (an environment file), with the project's global options.</summary>
    public Verdict? JudgeOutsideProject(string value) =>
        ModelJudge.Judge(_catalog, value, _policies.GetOrAdd(_options.GlobalOptions, ReadPolicy));

    /// <summary>The model values of a settings file found by their keys' names (ChatModel, DeploymentName, OPENAI_MODEL), with verdicts.</summary>
    public IEnumerable<JudgedValue> SettingsFindings(AdditionalText file)
    {
        foreach (var settings in _settings.Value)
        {
            if (settings.File != file)
            {
                continue;
            }

            foreach (var value in settings.Values)
            {
                if (IsJudgedByName(value))
                {
                    var policy = PolicyFor(file);
                    yield return new JudgedValue(settings.LocationOf(value), file, value.Value, ModelJudge.Judge(_catalog, value.Value, policy), policy.AsOf);
                }
            }
        }
    }

    /// <summary>The models a prompt file names by its schema (a prompty's configuration, Semantic Kernel's execution settings), with verdicts.</summary>
    public IReadOnlyList<JudgedValue> PromptFindings(AdditionalText file) =>
        _prompts.GetValue(file, f => new Once<IReadOnlyList<JudgedValue>>()).Get(() => JudgePrompt(file));

    private IReadOnlyList<JudgedValue> JudgePrompt(AdditionalText file)
    {
        if (!PromptFiles.IsPromptPath(file.Path) || file.GetText(CancellationToken.None) is not { } text)
        {
            return Array.Empty<JudgedValue>();
        }

        var found = new List<JudgedValue>();
        var policy = PolicyFor(file);
        foreach (var value in PromptFiles.FindModels(file.Path, text))
        {
            var location = Location.Create(file.Path, value.Span, text.Lines.GetLinePositionSpan(value.Span));
            found.Add(new JudgedValue(location, file, value.Value, Judge(value.Value, policy, value.IsDeployment ? AzureName.Deployment : AzureName.None), policy.AsOf));
        }

        return found;
    }

    /// <summary>The request parameters a prompt file sets that its model rejects (MDL0004), located on each value.</summary>
    public IEnumerable<(Location Location, OptionFinding Finding)> PromptOptionFindings(AdditionalText file)
    {
        if (!PromptFiles.IsPromptPath(file.Path) || file.GetText(CancellationToken.None) is not { } text)
        {
            yield break;
        }

        foreach (var parameter in PromptFiles.FindParameters(file.Path, text))
        {
            if (parameter.Model is not { } named || FindModel(named) is not { } model)
            {
                continue;
            }

            var (value, effort) = PromptFiles.ValueOf(parameter);
            foreach (var option in PromptFiles.OptionsOf(parameter))
            {
                if (OptionJudge.Judge(model, option, value, effort) is { } finding)
                {
                    yield return (Location.Create(file.Path, parameter.Span, text.Lines.GetLinePositionSpan(parameter.Span)), finding);
                    break;
                }
            }
        }
    }

    private bool IsJudgedByName(SettingValue value) => AppSettingsScanner.IsModelKey(value.Key) && _catalog.Find(value.Value) is not null;

    private static IReadOnlyList<SettingsFile> ReadSettings(AnalyzerOptions options)
    {
        var files = new List<SettingsFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (AppSettingsScanner.IsSettingsFile(file, options.AnalyzerConfigOptionsProvider) && file.GetText(CancellationToken.None) is { } text)
            {
                files.Add(new SettingsFile(file, text, AppSettingsScanner.StringValues(text.ToString())));
            }
        }

        return files;
    }

    private bool IsKnown(string value) => _catalog.Find(value) is not null || _catalog.Azure.Find(value) is not null;

    /// <summary>
    /// Judged with the options of the file that holds the value, whichever site reached it. Verdicts are cached per
    /// policy and value: the same few ids recur across a project, and a near miss costs a spelling search each time.
    /// </summary>
    private Verdict? Judge(string value, JudgePolicy policy, AzureName azure) =>
        _verdicts.GetOrAdd((policy, value, azure), key => key.Azure switch
        {
            AzureName.Deployment => DeploymentJudge.Judge(_catalog, _catalog.Azure, key.Value, key.Policy),
            // An Azure connector's model parameter: an Azure spelling the OpenAI catalog does not know is Azure's model.
            AzureName.Model when _catalog.Find(key.Value) is null && _catalog.Azure.Find(key.Value) is not null =>
                DeploymentJudge.Judge(_catalog, _catalog.Azure, key.Value, key.Policy, isModelName: true),
            _ => ModelJudge.Judge(_catalog, key.Value, key.Policy),
        });

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

    private JudgePolicy ReadPolicy(AnalyzerConfigOptions options) =>
        OptionsReader.Read(options, _options.GlobalOptions, _catalog, problem => _configurationProblems.TryAdd(problem, 0));

    private JudgePolicy PolicyFor(SyntaxTree tree) =>
        _policies.GetOrAdd(_options.GetOptions(tree), ReadPolicy);

    private JudgePolicy PolicyFor(AdditionalText file) =>
        _policies.GetOrAdd(_options.GetOptions(file), ReadPolicy);

    /// <summary>
    /// Computes a tree's result once. Not a Lazy: a Lazy caches the exception of a cancelled first caller, and the
    /// other analyzer would then throw another analysis's cancellation. Here a cancelled computation leaves nothing
    /// behind and the next caller computes it with its own token; later callers wait instead of repeating the work.
    /// </summary>
    private sealed class Once<T>
        where T : class
    {
        private readonly object _gate = new();
        private T? _result;

        public T Get(Func<T> compute)
        {
            lock (_gate)
            {
                return _result ??= compute();
            }
        }
    }
}

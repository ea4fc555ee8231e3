using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;
using ModelAnalyzers.Walk;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// The code's side of a compilation's judgements: what the sites of each tree reach (SDK sites and a team's own
/// wrappers), the writes to settings members a site reads, and the settings values of the configuration keys the
/// sites read, each judged once. Computed once per tree for every analyzer that reports verdicts (MDL0001-3 and
/// MDL0005 are two analyzers, one per fix family), so the walk, its value resolution and its judgements are done once
/// instead of once per analyzer.
/// </summary>
internal sealed class SiteWalks
{
    private static readonly SiteKindOfMember SdkModel = new(AzureName.None, false);
    private static readonly SiteKindOfMember SdkDeployment = new(AzureName.Deployment, false);
    private static readonly SiteKindOfMember SdkAzureModel = new(AzureName.Model, false);
    private static readonly SiteKindOfMember WrapperModel = new(AzureName.None, true);
    private static readonly SiteKindOfMember WrapperDeployment = new(AzureName.Deployment, true);

    private readonly Compilation _compilation;
    private readonly SiteIndex _sites;
    private readonly MemberSources _members;
    private readonly VerdictCache _verdicts;
    private readonly FileJudgements _files;
    private readonly Lazy<WrapperNames> _wrappers;
    private readonly Lazy<CandidateNames> _candidateNames;
    private readonly Lazy<HashSet<string>> _firstWords;
    private readonly ConditionalWeakTable<SyntaxTree, Once<IReadOnlyList<JudgedValue>>> _judgedByTree = new();
    private readonly ConditionalWeakTable<SyntaxTree, Once<SiteWalk>> _walkByTree = new();
    private readonly ConcurrentDictionary<ISymbol, SiteKindOfMember?> _readers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, byte> _keysRead = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Once<StrongBox<bool>>> _readNames = new(StringComparer.Ordinal);

    public SiteWalks(Compilation compilation, SiteIndex sites, VerdictCache verdicts, FileJudgements files)
    {
        _compilation = compilation;
        _sites = sites;
        _members = CompilationMaps.MembersOf(compilation);
        _verdicts = verdicts;
        _files = files;
        _wrappers = new Lazy<WrapperNames>(() => WrapperNames.Create(compilation));
        _candidateNames = new Lazy<CandidateNames>(() => sites.CandidateNames.With(_wrappers.Value.CandidateNames));
        _firstWords = new Lazy<HashSet<string>>(() => FirstWords(verdicts.Catalog));
    }

    /// <summary>The names of a team's own wrapper members that take a model or deployment.</summary>
    public CandidateNames WrapperCandidateNames => _wrappers.Value.CandidateNames;

    /// <summary>The first words of every known id (gpt, o3, text): what a written literal must start with to be followed.</summary>
    public HashSet<string> FirstWordsOfModels => _firstWords.Value;

    /// <summary>The configuration keys the sites of the trees walked so far read (Ai:ChatModel): what model-audit links environment files to.</summary>
    public IEnumerable<string> ConfigurationKeysRead => _keysRead.Keys;

    /// <summary>
    /// The values that reach a model site in the tree, each once, with their verdicts (null: fine): literals (in this
    /// tree or another: a shared const), the literals this tree writes to settings members a site elsewhere reads, and
    /// the settings values of the configuration keys the sites read.
    /// </summary>
    public IReadOnlyList<JudgedValue> JudgedValues(SemanticModel model, CancellationToken cancellationToken) =>
        _judgedByTree.GetValue(model.SyntaxTree, _ => new Once<IReadOnlyList<JudgedValue>>()).Get(() => Collect(model, cancellationToken));

    /// <summary>
    /// Whether a site may read a member of this name itself, from the syntax of the files that name it (cached per
    /// name): only then are the writes to that name bound, and the files that read it walked.
    /// </summary>
    public bool IsReadName(string name, CancellationToken cancellationToken) =>
        _readNames.GetOrAdd(name, _ => new Once<StrongBox<bool>>()).Get(() => new StrongBox<bool>(ReadsName(name, cancellationToken))).Value;

    /// <summary>What the sites of one tree reach, and the settings members they read themselves.</summary>
    private sealed record SiteWalk(List<(ValueSources Sources, SiteKindOfMember Kind)> Values, Dictionary<ISymbol, SiteKindOfMember> DirectMembers);

    /// <summary>How the site that reads a value judges it: on which calendar, and whether only known ids count (a wrapper's).</summary>
    private sealed record SiteKindOfMember(AzureName Azure, bool KnownOnly);

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
        SiteWalker.Walk(model, _sites, candidates, _members, (sources, site) => Add(sources, site.IsDeployment ? SdkDeployment : site.IsAzureModel ? SdkAzureModel : SdkModel), cancellationToken);

        // A team's own wrappers: only known ids count there (a near miss in a user's "Model" property may be anything).
        WrapperSites.Walk(model, _wrappers.Value, candidates, _verdicts.IsKnown, (value, isDeployment) =>
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
            // reports it once (its own reported set).
            if (seen.Add(judged.Key))
            {
                found.Add(judged);
            }
        }

        void AddLiteral(ModelLiteral literal, SiteKindOfMember kind)
        {
            // An empty default (public string ChatModel { get; set; } = "";) names no model: not in the inventory either.
            if (literal.Value.Trim().Length > 0 && (!kind.KnownOnly || _verdicts.IsKnown(literal.Value)))
            {
                var policy = _verdicts.PolicyFor(literal.Node.SyntaxTree);
                Add(new JudgedValue(literal.Node.GetLocation(), literal.Node.SyntaxTree, literal.Value, _verdicts.Judge(literal.Value, policy, kind.Azure), policy.AsOf));
            }
        }

        var words = _firstWords.Value;
        foreach (var (sources, kind) in WalkOf(model, cancellationToken).Values)
        {
            foreach (var literal in sources.Literals)
            {
                // Written to a member this site reads: reported by the write's own file (below, in its analysis).
                if (!(literal.Written && WriteSites.IsFindable(literal, words, _verdicts.IsModelLike)))
                {
                    AddLiteral(literal, kind);
                }
            }

            foreach (string key in sources.ConfigurationKeys)
            {
                foreach (var linked in _files.Linked(key, kind.Azure, kind.KnownOnly))
                {
                    Add(linked);
                }
            }
        }

        // This tree's writes to settings members that a site (here or in another file) reads itself.
        foreach (var (member, written) in WriteSites.Find(model, words, _verdicts.IsModelLike, name => IsReadName(name, cancellationToken), cancellationToken))
        {
            if (ReaderOf(member, model, cancellationToken) is not { } kind)
            {
                continue;
            }

            var sources = new ValueSources(_members);
            MemberSources.ResolveWrite(written, model, sources, cancellationToken);
            foreach (var literal in sources.Literals)
            {
                if (literal.Written && WriteSites.IsFindable(literal, words, _verdicts.IsModelLike))
                {
                    AddLiteral(literal, kind);
                }
            }
        }

        return found;
    }

    private bool ReadsName(string name, CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (IdentifierIndex.For(tree).PositionsOf(name).Any() && WriteSites.MayBeReadAtSite(tree, name, _candidateNames.Value, cancellationToken))
            {
                return true;
            }
        }

        return false;
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
}

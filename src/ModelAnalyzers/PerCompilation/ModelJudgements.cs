using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// The one per-compilation seam (RS1008: none of it may live on an analyzer instance), built by the first analyzer
/// that asks and shared per compilation and options. It takes semantic models and additional files and returns data;
/// the analyzers report. Its parts, one seam each: <see cref="VerdictCache"/> (the overlay-applied catalog, policies,
/// verdicts), <see cref="SiteWalks"/> (what each tree's sites reach), <see cref="FileJudgements"/> (settings and
/// prompt files) and <see cref="ReportScope"/> (which trees model-audit analyzes); what needs no options is in
/// <see cref="CompilationMaps"/>. What each analyzer has already reported stays its own (<see cref="NewReportedSet"/>).
/// </summary>
internal sealed class ModelJudgements
{
    // Compilation -> options -> judgements. Weak keys: an IDE makes a compilation per edit and drops the old one.
    private static readonly ConditionalWeakTable<Compilation, ConditionalWeakTable<AnalyzerOptions, Holder>> Shared = new();

    private readonly VerdictCache _verdicts;
    private readonly SiteWalks _walks;
    private readonly FileJudgements _files;
    private readonly ReportScope _scope;

    private ModelJudgements(Compilation compilation, SiteIndex sites, ModelCatalog catalog, AnalyzerOptions options, IReadOnlyList<OverlayProblem> overlayProblems)
    {
        _verdicts = new VerdictCache(catalog, options.AnalyzerConfigOptionsProvider);
        _files = new FileJudgements(_verdicts, options);
        _walks = new SiteWalks(compilation, sites, _verdicts, _files);
        _scope = new ReportScope(compilation, sites, _verdicts, _walks);
        Sites = sites;
        OverlayProblems = overlayProblems;
    }

    /// <summary>The compilation's judgements, built by the first analyzer that asks; null when no SDK is referenced.</summary>
    public static ModelJudgements? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        Shared.GetValue(compilation, _ => new ConditionalWeakTable<AnalyzerOptions, Holder>())
            .GetValue(options, o => new Holder(new Lazy<ModelJudgements?>(() => Create(compilation, o, CancellationToken.None))))
            .Judgements.Value;

    private sealed record Holder(Lazy<ModelJudgements?> Judgements);

    /// <summary>Null when the compilation references no SDK with model sites: nothing to register then.</summary>
    private static ModelJudgements? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (CompilationMaps.SitesOf(compilation) is not { } sites)
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

    public SiteIndex Sites { get; }

    /// <summary>The built-in catalog with this compilation's overlays applied.</summary>
    public ModelCatalog Catalog => _verdicts.Catalog;

    public IReadOnlyList<OverlayProblem> OverlayProblems { get; }

    public IEnumerable<string> ConfigurationProblems => _verdicts.ConfigurationProblems;

    /// <summary>The configuration keys the sites of the trees walked so far read (Ai:ChatModel): what model-audit links environment files to.</summary>
    public IEnumerable<string> ConfigurationKeysRead => _walks.ConfigurationKeysRead;

    /// <summary>The literals one analyzer has reported: an analyzer reports a literal once however many sites reach it.</summary>
    public static ConcurrentDictionary<(object Source, TextSpan Span), byte> NewReportedSet() => new();

    /// <summary>Reports every value the tree's sites reach whose model has a finding, once per analyzer however many sites or trees reach it.</summary>
    public void Walk(SemanticModel model, ConcurrentDictionary<(object Source, TextSpan Span), byte> reported, Action<JudgedValue, Verdict> report, CancellationToken cancellationToken)
    {
        foreach (var judged in _walks.JudgedValues(model, cancellationToken))
        {
            if (judged.Verdict is { } verdict && reported.TryAdd(judged.Key, 0))
            {
                report(judged, verdict);
            }
        }
    }

    /// <summary>Every model value the tree's sites reach with its verdict, null when the model is fine: the model-audit inventory.</summary>
    public IReadOnlyList<JudgedValue> Inventory(SemanticModel model, CancellationToken cancellationToken) => _walks.JudgedValues(model, cancellationToken);

    /// <summary>Whether any of the package's analyzers can report in this tree (<see cref="ReportScope"/>): the files model-audit analyzes.</summary>
    public bool MayReportIn(SyntaxTree tree, CancellationToken cancellationToken) => _scope.MayReportIn(tree, cancellationToken);

    /// <summary>The catalog entry a value names: a model id, or a deployment an overlay maps to one.</summary>
    public ModelInfo? FindModel(string value) => _verdicts.FindModel(value);

    /// <summary>Judges a value found outside the project's files (an environment file), with the project's global options.</summary>
    public Verdict? JudgeOutsideProject(string value) => _verdicts.Judge(value, _verdicts.GlobalPolicy, AzureName.None);

    /// <inheritdoc cref="FileJudgements.Unread"/>
    public (Location Location, string Message)? Unread(AdditionalText file) => _files.Unread(file);

    /// <inheritdoc cref="FileJudgements.SettingsFindings"/>
    public IEnumerable<JudgedValue> SettingsFindings(AdditionalText file) => _files.SettingsFindings(file);

    /// <inheritdoc cref="FileJudgements.PromptFindings"/>
    public IReadOnlyList<JudgedValue> PromptFindings(AdditionalText file) => _files.PromptFindings(file);

    /// <inheritdoc cref="FileJudgements.PromptOptionFindings"/>
    public IEnumerable<(Location Location, OptionFinding Finding)> PromptOptionFindings(AdditionalText file) => _files.PromptOptionFindings(file);

    /// <inheritdoc cref="VerdictCache.StaleCatalogMessage"/>
    public string? StaleCatalogMessage() => _verdicts.StaleCatalogMessage();
}

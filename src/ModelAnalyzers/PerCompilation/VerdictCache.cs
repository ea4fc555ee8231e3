using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// The judging half of a compilation's judgements: the overlay-applied catalog, the options of each file read once
/// into a <see cref="JudgePolicy"/> (invalid values collected for MDL0900) and the verdicts, cached per policy and
/// value: the same few ids recur across a project, and a near miss costs a spelling search each time.
/// </summary>
internal sealed class VerdictCache
{
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<AnalyzerConfigOptions, JudgePolicy> _policies = new();
    private readonly ConcurrentDictionary<string, byte> _configurationProblems = new();
    private readonly ConcurrentDictionary<(JudgePolicy Policy, string Value, AzureName Azure), Verdict?> _verdicts = new();
    private readonly ConcurrentDictionary<string, bool> _modelLike = new(StringComparer.Ordinal);

    public VerdictCache(ModelCatalog catalog, AnalyzerConfigOptionsProvider options)
    {
        Catalog = catalog;
        _options = options;
    }

    /// <summary>The built-in catalog with this compilation's overlays applied.</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>Invalid option values met so far (MDL0900), each once.</summary>
    public IEnumerable<string> ConfigurationProblems => _configurationProblems.Keys;

    public JudgePolicy PolicyFor(SyntaxTree tree) => _policies.GetOrAdd(_options.GetOptions(tree), ReadPolicy);

    public JudgePolicy PolicyFor(AdditionalText file) => _policies.GetOrAdd(_options.GetOptions(file), ReadPolicy);

    /// <summary>The project's global options: for values found outside the project's files (an environment file).</summary>
    public JudgePolicy GlobalPolicy => _policies.GetOrAdd(_options.GlobalOptions, ReadPolicy);

    /// <summary>Judged with the options of the file that holds the value, whichever site reached it.</summary>
    public Verdict? Judge(string value, JudgePolicy policy, AzureName azure) =>
        _verdicts.GetOrAdd((policy, value, azure), key => key.Azure switch
        {
            AzureName.Deployment => DeploymentJudge.Judge(Catalog, Catalog.Azure, key.Value, key.Policy),
            // An Azure connector's model parameter: an Azure spelling the OpenAI catalog does not know is Azure's model.
            AzureName.Model when Catalog.Find(key.Value) is null && Catalog.Azure.Find(key.Value) is not null =>
                DeploymentJudge.Judge(Catalog, Catalog.Azure, key.Value, key.Policy, isModelName: true),
            _ => ModelJudge.Judge(Catalog, key.Value, key.Policy),
        });

    /// <summary>The catalog entry a value names: a model id, or a deployment an overlay maps to one.</summary>
    public ModelInfo? FindModel(string value) =>
        Catalog.Find(value) ?? (Catalog.Deployments.TryGetValue(value, out var deployed) ? Catalog.Find(deployed.Model) ?? AzureModelOf(deployed.Model) : null);

    private ModelInfo? AzureModelOf(string name) => Catalog.Azure.Find(name) is { } azure ? Catalog.Find(azure.OpenAI) : null;

    /// <summary>A model id OpenAI's or Azure's catalog knows.</summary>
    public bool IsKnown(string value) => Catalog.Find(value) is not null || Catalog.Azure.Find(value) is not null;

    /// <summary>A known id or a near miss of one: a literal worth following to the member it is written to.</summary>
    public bool IsModelLike(string value) =>
        _modelLike.GetOrAdd(value, v => IsKnown(v) || ModelSpelling.Suggest(Catalog, v) is not null);

    /// <summary>
    /// MDL0902's message when the compilation's as-of date is more than the configured number of days past the
    /// catalog's date (built-in data and overlays), else null. At the latest as-of date any file was judged at (the
    /// build's own date when no file was).
    /// </summary>
    public string? StaleCatalogMessage()
    {
        _ = GlobalPolicy; // the build's own date counts even when no file was judged
        JudgePolicy? policy = null;
        foreach (var candidate in _policies.Values)
        {
            if (candidate.CatalogAgeWarningDays is int limit && (candidate.AsOf - Catalog.AsOf).TotalDays > limit
                && (policy is null || candidate.AsOf > policy.AsOf))
            {
                policy = candidate;
            }
        }

        if (policy is null)
        {
            return null;
        }

        int days = (int)(policy.AsOf - Catalog.AsOf).TotalDays;
        return $"The model data is from {ModelCatalog.FormatDate(Catalog.AsOf)}, {days} days before the as-of date {ModelCatalog.FormatDate(policy.AsOf)}: "
            + "models, prices and shutdowns announced since then are not known. Update the ModelAnalyzers package, or refresh a *.models.json overlay "
            + $"and set its \"asOf\"; '{OptionsReader.CatalogAgeWarningKey} = off' turns this off";
    }

    private JudgePolicy ReadPolicy(AnalyzerConfigOptions options) =>
        OptionsReader.Read(options, _options.GlobalOptions, Catalog, problem => _configurationProblems.TryAdd(problem, 0));
}

using System;
using System.Collections.Generic;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// The user's choices a judgement applies (all from .editorconfig/.globalconfig or MSBuild), immutable: one per
/// configuration, shared by every judgement under it (and part of the verdict cache's key).
/// </summary>
internal sealed record JudgePolicy
{
    private static readonly IReadOnlyDictionary<string, string> NoReplacements = new Dictionary<string, string>();
    private static readonly ISet<string> NoModels = new HashSet<string>();

    /// <summary>The targets the product offers when the user configured none (the design card's).</summary>
    public static readonly IReadOnlyList<string> DefaultTargets = new[] { "gpt-4o-mini", "gpt-5-mini" };

    public JudgePolicy(DateTime asOf, IReadOnlyList<string>? targets = null)
    {
        AsOf = asOf;
        Targets = targets ?? DefaultTargets;
        TargetsConfigured = targets is not null;
    }

    /// <summary>The date retired vs deprecated is judged at. Analyzers never read a clock.</summary>
    public DateTime AsOf { get; }

    /// <summary>Fix targets offered, in order (after a team replacement, before OpenAI's replacement).</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>
    /// True when the team chose the targets (model_analyzers.targets): a configured target leads the offers wherever it
    /// can be offered; the defaults are only candidates that the tier and cost rules choose among.
    /// </summary>
    public bool TargetsConfigured { get; }

    /// <summary>model id -> the team's chosen replacement (model_analyzers.replace.&lt;id&gt;).</summary>
    public IReadOnlyDictionary<string, string> Replacements { get; init; } = NoReplacements;

    /// <summary>Ids never flagged (model_analyzers.allowed_models).</summary>
    public ISet<string> AllowedModels { get; init; } = NoModels;

    /// <summary>MDL0002 only when the shutdown is at most this many days after the as-of date; null = always.</summary>
    public int? DeprecationWindowDays { get; init; }

    /// <summary>Token volumes that turn percentages into dollars per month; null = not configured.</summary>
    public long? MonthlyInputTokens { get; init; }

    public long? MonthlyOutputTokens { get; init; }

    /// <summary>MDL0902 when the as-of date is more than this many days after the catalog's date; null = off.</summary>
    public int? CatalogAgeWarningDays { get; init; } = DefaultCatalogAgeWarningDays;

    public const int DefaultCatalogAgeWarningDays = 60;

    public bool HasMonthlyVolume => MonthlyInputTokens is not null || MonthlyOutputTokens is not null;
}

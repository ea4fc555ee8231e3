namespace ModelAnalyzers.Cli;

/// <summary>One place a model is used: a diagnostic of the package's analyzers, or an inventory entry that is fine.</summary>
internal sealed record Site(
    string? RuleId,
    string Model,
    string? Target,
    string Project,
    string File,
    int Line,
    int Column,
    string Message);

/// <summary>Everything model-audit found, before formatting. The JSON report is this, serialized (docs/cli-report.schema.json).</summary>
internal sealed class AuditReport
{
    public required string Path { get; init; }

    /// <summary>The date the verdicts were judged at: the command's --as-of, unless the projects' own configuration set one.</summary>
    public required DateTime AsOf { get; set; }

    public long? MonthlyInputTokens { get; init; }

    public long? MonthlyOutputTokens { get; init; }

    public List<ProjectResult> Projects { get; } = new();

    /// <summary>Every finding (rule diagnostics), in file order.</summary>
    public List<Site> Findings { get; } = new();

    /// <summary>Every model literal that reaches a site, fine or not (the inventory), per model.</summary>
    public List<ModelSummary> Models { get; } = new();

    /// <summary>The usage exports read (--usage); empty when none was given.</summary>
    public List<string> UsageFiles { get; } = new();

    /// <summary>Usage of models no audited site names (other repos, configuration, names built at run time).</summary>
    public List<UsageSummary> UnmatchedUsage { get; } = new();

    /// <summary>Export rows of model usage that could not be tied to a model or to tokens, with file, line and why.</summary>
    public List<string> UnmappedUsage { get; } = new();
}

/// <summary>A model's traffic in the usage exports, priced at catalog prices, and at the suggested target's.</summary>
internal sealed class UsageSummary
{
    public required string Model { get; init; }

    /// <summary>The ids the export used (dated snapshots such as gpt-4o-2024-08-06 count as the alias the code names).</summary>
    public SortedSet<string> ExportedAs { get; } = new(StringComparer.Ordinal);

    public DateTime? From { get; set; }

    public DateTime? To { get; set; }

    public long InputTokens { get; set; }

    public long CachedInputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long Requests { get; set; }

    /// <summary>At catalog prices (cached input at the cached price); null when the catalog has no price.</summary>
    public double? CostUsd { get; set; }

    /// <summary>What the exports themselves say the traffic cost (Azure's bill, a cost column); null when they say nothing or mix currencies.</summary>
    public double? ExportedCost { get; set; }

    public string? ExportedCurrency { get; set; }

    /// <summary>The tokens of the rows that carry the export's own cost: what <see cref="ExportedCost"/> paid for.</summary>
    public TokenCounts BilledTokens { get; set; }

    /// <summary>Those tokens at catalog prices: the like-for-like figure to set beside <see cref="ExportedCost"/>.</summary>
    public double? BilledAtCatalogUsd { get; set; }

    /// <summary>Whether every token here came from a row with a cost (else other exports, without costs, added tokens).</summary>
    public bool ExportedCostCoversAll => BilledTokens == new TokenCounts(InputTokens, CachedInputTokens, OutputTokens);

    /// <summary>Catalog prices against the bill, on the same tokens, in percent (positive: the catalog prices them higher); USD only.</summary>
    public double? ExportedCostDifferencePercent =>
        ExportedCost is double exported && exported > 0 && BilledAtCatalogUsd is double catalog && ExportedCurrency == "USD"
            ? Math.Round((catalog - exported) / exported * 100, 1)
            : null;

    /// <summary>Usage not counted in tokens (images, characters, seconds): not priced from tokens.</summary>
    public long Units { get; set; }

    public string? UnitName { get; set; }

    /// <summary>The same tokens at the suggested target's prices.</summary>
    public double? ProjectedCostUsd { get; set; }

    /// <summary>(cost - projected) scaled to 30 days of the export's period; the export's whole period when it has no dates.</summary>
    public double? MonthlySavingUsd { get; set; }

    /// <summary>The target is a reasoning model and the current one is not: its reasoning tokens bill as output, so the projection is low.</summary>
    public bool ProjectionIsEstimate { get; set; }

    public double? PeriodDays => From is DateTime from && To is DateTime to && to > from ? (to - from).TotalDays : null;
}

/// <summary>Input tokens (cached ones included), the cached part, and output tokens.</summary>
internal readonly record struct TokenCounts(long Input, long Cached, long Output)
{
    public TokenCounts Plus(long input, long cached, long output) => new(Input + input, Cached + cached, Output + output);
}

internal sealed class ProjectResult
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    /// <summary>Why the project could not be audited; null when it was.</summary>
    public string? Error { get; set; }

    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// With --usage: what moving this project's sites saves a month at the exported traffic. A model used by several
    /// projects is split by their share of its sites (an export does not say which project sent a request).
    /// </summary>
    public double? UsageMonthlySavingUsd { get; set; }
}

/// <summary>One model id and what switching it would change.</summary>
internal sealed class ModelSummary
{
    public required string Model { get; init; }

    /// <summary>retired, deprecated, costlier, misspelled or fine.</summary>
    public required string Status { get; set; }

    public string? ShutdownOn { get; set; }

    public int Sites { get; set; }

    public SortedSet<string> Projects { get; } = new(StringComparer.Ordinal);

    /// <summary>The model's sites per project.</summary>
    public SortedDictionary<string, int> SitesByProject { get; } = new(StringComparer.Ordinal);

    public string? Target { get; set; }

    /// <summary>Percent change of the list price per 1M input tokens (negative = cheaper).</summary>
    public double? InputPriceChangePercent { get; set; }

    public double? OutputPriceChangePercent { get; set; }

    /// <summary>Percent saved at a 3:1 input:output token mix (positive = cheaper).</summary>
    public double? BlendedSavingPercent { get; set; }

    /// <summary>Dollars saved per month at the given volumes, per site's traffic share unknown: for the whole volume.</summary>
    public double? MonthlySavingUsd { get; set; }

    /// <summary>The model's traffic in the usage exports; null without --usage or when the exports do not mention it.</summary>
    public UsageSummary? Usage { get; set; }
}

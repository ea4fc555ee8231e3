namespace ModelAnalyzers.Cli;

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

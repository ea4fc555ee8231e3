namespace ModelAnalyzers.Cli;

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

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>What one feed says about one model id; null = the feed does not say.</summary>
internal sealed class FeedModel
{
    public required string Id { get; init; }

    public required string Feed { get; init; }

    /// <summary>The day the feed's data was observed (deprecations.info's last_observed; the price file's given date).</summary>
    public DateTime? FeedDate { get; init; }

    public string? Kind { get; init; }

    public double? InputPer1M { get; init; }

    public double? CachedInputPer1M { get; init; }

    public double? OutputPer1M { get; init; }

    public long? ContextWindow { get; init; }

    public long? MaxOutput { get; init; }

    public bool? Reasoning { get; init; }

    public bool? Vision { get; init; }

    public bool? Tools { get; init; }

    public bool? StructuredOutputs { get; init; }

    public DateTime? DeprecatedOn { get; init; }

    public DateTime? ShutdownOn { get; init; }

    /// <summary>Replacement ids in the feed's order; the first the catalog (or this import) knows is used.</summary>
    public IReadOnlyList<string> Replacements { get; init; } = Array.Empty<string>();

    public string? Url { get; init; }

    /// <summary>A shutdown date from a price file (LiteLLM's deprecation_date): used only where no deprecation source speaks.</summary>
    public bool DateIsWeak { get; init; }
}

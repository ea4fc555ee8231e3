using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>What one feed says about one model id, with where and when it said it.</summary>
internal sealed class FeedModel
{
    /// <summary>The model's prices, limits, capabilities and dates as the feed gives them, in the catalog's own type: a null field is one the feed does not give; an empty kind, a kind it does not give.</summary>
    public required ModelInfo Values { get; init; }

    public string Id => Values.Id;

    /// <summary>The model's kind, when the feed gives one.</summary>
    public string? Kind => Values.Kind.Length > 0 ? Values.Kind : null;

    public required string Feed { get; init; }

    /// <summary>The day the feed's data was observed (deprecations.info's last_observed; the price file's given date).</summary>
    public DateTime? FeedDate { get; init; }

    /// <summary>Replacement ids in the feed's order; the first the catalog (or this import) knows is used.</summary>
    public IReadOnlyList<string> Replacements { get; init; } = Array.Empty<string>();

    public string? Url { get; init; }

    /// <summary>A shutdown date from a price file (LiteLLM's deprecation_date): used only where no deprecation source speaks.</summary>
    public bool DateIsWeak { get; init; }
}

namespace ModelAnalyzers.Cli.Usage;

/// <summary>Token usage of one model (or deployment) over one period, from one row or bucket result of an export.</summary>
internal sealed record UsageRow(string Model, DateTime? Start, DateTime? End, long InputTokens, long CachedInputTokens, long OutputTokens, long Requests)
{
    /// <summary>When <see cref="Model"/> is a deployment: the model its meter names, used when no overlay maps the deployment.</summary>
    public string? MeterModel { get; init; }

    /// <summary>What the export itself says this row cost, in <see cref="Currency"/>; null when it has no cost column.</summary>
    public double? ExportedCost { get; init; }

    public string? Currency { get; init; }

    /// <summary>Usage not counted in tokens (images, characters of speech, seconds of audio), with its unit.</summary>
    public long Units { get; init; }

    public string? UnitName { get; init; }
}

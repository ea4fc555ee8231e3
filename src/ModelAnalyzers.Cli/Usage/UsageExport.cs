namespace ModelAnalyzers.Cli.Usage;

/// <summary>What one export file holds: rows of model usage, and rows that look like model usage but cannot be tied to a model.</summary>
internal sealed class UsageExport
{
    public List<UsageRow> Rows { get; } = new();

    /// <summary>Each with its file, line, resource, meter and cost, and why it was left out.</summary>
    public List<string> Unmapped { get; } = new();
}

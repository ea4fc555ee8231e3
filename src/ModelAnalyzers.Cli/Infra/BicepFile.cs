namespace ModelAnalyzers.Cli.Infra;

/// <summary>What <see cref="BicepParser"/> reads from one file.</summary>
internal sealed class BicepFile
{
    public Dictionary<string, BicepNode> Parameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BicepNode> Variables { get; } = new(StringComparer.Ordinal);

    public List<(string Type, BicepNode Body)> Resources { get; } = new();
}

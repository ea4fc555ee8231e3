namespace ModelAnalyzers.Cli.Infra;

/// <summary>A block of a Terraform file: its type and labels, its attributes (as <see cref="BicepNode"/> values: strings, expressions, objects) and nested blocks.</summary>
internal sealed class HclBlock
{
    public string Type { get; init; } = "";

    public List<string> Labels { get; } = new();

    public Dictionary<string, BicepNode> Attributes { get; } = new(StringComparer.Ordinal);

    public List<HclBlock> Blocks { get; } = new();

    public HclBlock? Block(string type) => Blocks.FirstOrDefault(b => b.Type == type);
}

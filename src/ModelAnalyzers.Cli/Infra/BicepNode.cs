namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// A value of a Bicep (or ARM JSON) file as the deployment readers need it: a string literal, an expression (a
/// parameter or variable name, or anything else, kept as text), an object of key/value pairs, or an array. Offsets
/// locate the value's text, quotes included, for reports and in-place fixes.
/// </summary>
internal sealed class BicepNode
{
    public BicepNodeKind Kind { get; init; }

    /// <summary>The string's value, or the expression's text.</summary>
    public string Text { get; init; } = "";

    public int Offset { get; init; }

    /// <summary>Set when an object or array is closed.</summary>
    public int Length { get; set; }

    public List<(string Key, BicepNode Value)> Properties { get; } = new();

    public List<BicepNode> Items { get; } = new();

    public BicepNode? this[string key] => Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}

internal enum BicepNodeKind
{
    String,
    Expression,
    Object,
    Array,
}

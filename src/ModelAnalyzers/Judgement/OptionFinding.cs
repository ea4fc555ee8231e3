using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>An option a model rejects, with the message and the fix that mends it.</summary>
/// <param name="FixValue">The property to rename to, or the limit to lower to.</param>
internal sealed record OptionFinding(ModelInfo Model, string Message, OptionFix Fix, string? FixValue);

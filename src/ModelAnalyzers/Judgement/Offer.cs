using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>A model a fix can switch to, with what the switch changes.</summary>
/// <param name="Price">Null when the switch is not about price (a misspelled id).</param>
/// <param name="Title">Code action title, e.g. "Use 'gpt-4o-mini' (99% cheaper; shuts down 2027-01-14)".</param>
internal sealed record Offer(ModelInfo Target, PriceChange? Price, string Title);

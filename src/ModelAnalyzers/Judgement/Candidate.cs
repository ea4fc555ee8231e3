using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>A model that could replace the one at a site, and where it came from.</summary>
/// <param name="InPlaceOf">The configured target this one stands for because that target is retired at the as-of date.</param>
/// <param name="Fit">Does at least as much as the site's model, or is OpenAI's named replacement for it.</param>
internal sealed record Candidate(ModelInfo Target, ModelInfo? InPlaceOf, CandidateSource Source, bool Fit, int Order);

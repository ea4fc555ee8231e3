namespace ModelAnalyzers.Catalog;

/// <summary>
/// A model's capability tier within its kind: OpenAI sells tiers per generation (luna, terra, sol, astra; before
/// GPT-5.6: -nano, -mini, the plain name, -pro). A lower tier is never claimed to do as much as a higher one.
/// </summary>
internal enum ModelTier
{
    Entry = 1,
    Mid = 2,
    Flagship = 3,
    Top = 4,
}

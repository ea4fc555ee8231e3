namespace ModelAnalyzers.Catalog;

/// <summary>Where a model stands on a given date.</summary>
internal enum Lifecycle
{
    Active,
    Deprecated,
    Retired,
}

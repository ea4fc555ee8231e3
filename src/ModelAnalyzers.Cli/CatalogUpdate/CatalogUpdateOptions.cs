namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>What `model-audit catalog update` was asked to read and write (docs/data-freshness.md).</summary>
internal sealed record CatalogUpdateOptions(
    string? Deprecations, string? Prices, DateTime? PricesDate, bool OpenAIModels, string? OpenAIModelsFile, string Output, bool DryRun, string? AzureSchedule = null);

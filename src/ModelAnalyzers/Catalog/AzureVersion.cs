using System;

namespace ModelAnalyzers.Catalog;

/// <summary>One version of an Azure OpenAI model: Azure retires versions on their own dates.</summary>
/// <param name="Lifecycle">Azure's word for it (GA, Preview, Deprecated = no new deployments, Retired); null when not known.</param>
internal sealed record AzureVersion(
    string? Version,
    string? Lifecycle,
    AzureRetirement Retirement,
    DateTime? RetiresOn,
    string? RetirementNote,
    DateTime? NoNewCustomersFrom,
    string? Replacement,
    string Source);

using System;

namespace ModelAnalyzers.Catalog;

/// <summary>One Azure OpenAI model name (as a deployment named after it would be called) and its retirement.</summary>
internal sealed record AzureModel
{
    public AzureModel(string name, string openAI)
    {
        Name = name;
        OpenAI = openAI;
    }

    /// <summary>Azure's spelling: gpt-35-turbo, gpt-4o, ...</summary>
    public string Name { get; }

    /// <summary>OpenAI's spelling of the same model: gpt-3.5-turbo, gpt-4o, ...</summary>
    public string OpenAI { get; }

    public AzureRetirement Retirement { get; init; }

    /// <summary>The latest retirement over the model's versions and deployment types.</summary>
    public DateTime? RetiresOn { get; init; }

    /// <summary>Azure's wording when dates differ per deployment type.</summary>
    public string? RetirementNote { get; init; }

    /// <summary>From this date on, new deployments are refused (Azure's deprecation).</summary>
    public DateTime? NoNewCustomersFrom { get; init; }

    /// <summary>Azure's suggested replacement, as Azure words it.</summary>
    public string? Replacement { get; init; }

    public string Source { get; init; } = "";

    /// <summary>Each version with its own lifecycle and date, as Microsoft's retirement schedule lists them.</summary>
    public System.Collections.Generic.IReadOnlyList<AzureVersion> Versions { get; init; } = Array.Empty<AzureVersion>();
}

namespace ModelAnalyzers.Catalog;

/// <summary>How certain Azure's retirement date is.</summary>
internal enum AzureRetirement
{
    /// <summary>No date is known: the name is not judged.</summary>
    Unknown,
    Exact,

    /// <summary>Azure says "no earlier than" the date.</summary>
    NotBefore,
}

namespace ModelAnalyzers.Sites;

/// <summary>One settable property of an SDK request-options type.</summary>
/// <param name="Parameter">The Chat Completions parameter name the catalog's rejectedParameters use ("temperature", "stop", ...).</param>
/// <param name="RenameTo">For a legacy option (Betalgo MaxTokens sends max_tokens): the property that sends the supported one.</param>
internal sealed record RequestOption(
    string Assembly,
    string Type,
    string Property,
    OptionRole Role,
    string? Parameter = null,
    string? RenameTo = null);

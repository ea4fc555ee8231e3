namespace ModelAnalyzers.Sites;

/// <summary>What an option property means on the wire, and so which check MDL0004 applies to it.</summary>
internal enum OptionRole
{
    /// <summary>A request parameter a model may reject (<see cref="RequestOption.Parameter"/> names it).</summary>
    Parameter,

    /// <summary>The output-token limit (max_completion_tokens, max_output_tokens): flagged above the model's max output.</summary>
    OutputLimit,

    /// <summary>The model of the request itself (CreateResponseOptions.Model, ChatOptions.ModelId, ...).</summary>
    Model,

    /// <summary>Reasoning effort, whose value "none" lets GPT-5.1 and later accept sampling parameters.</summary>
    ReasoningEffort,
}

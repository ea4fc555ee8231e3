namespace ModelAnalyzers.Judgement;

/// <summary>Why a model is a candidate for a site; the order is the order offers are listed in.</summary>
internal enum CandidateSource
{
    /// <summary>The team's choice: model_analyzers.replace.&lt;id&gt;, then model_analyzers.targets.</summary>
    Configured,

    /// <summary>The package's default targets (the design card's gpt-4o-mini and gpt-5-mini, or what they stand for).</summary>
    Default,

    /// <summary>OpenAI's named replacement (the first live model of its chain).</summary>
    Successor,

    /// <summary>Any live catalog model of the same kind that does at least as much (tier, generation, limits, flags).</summary>
    Catalog,
}

namespace ModelAnalyzers.Judgement;

/// <summary>What a judgement decided about a model id; the report stage maps each kind to its rule (<c>RuleIds.Of</c>).</summary>
internal enum VerdictKind
{
    /// <summary>Its shutdown date has passed: requests fail.</summary>
    Retired,

    /// <summary>Its shutdown is scheduled.</summary>
    Deprecated,

    /// <summary>A cheaper model of equal or better capability exists.</summary>
    Costlier,

    /// <summary>Not a known id, and close to one.</summary>
    Misspelled,
}

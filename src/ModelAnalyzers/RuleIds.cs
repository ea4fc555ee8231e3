namespace ModelAnalyzers;

/// <summary>Rule ids are public contract: never reuse or renumber one.</summary>
internal static class RuleIds
{
    public const string Retired = "MDL0001";
    public const string Deprecated = "MDL0002";
    public const string Costlier = "MDL0003";
    public const string RejectedOption = "MDL0004";
    public const string Misspelled = "MDL0005";
    public const string HardCodedKey = "MDL0006";
    public const string InvalidOption = "MDL0900";
    public const string InvalidOverlay = "MDL0901";
    public const string StaleCatalog = "MDL0902";

    /// <summary>The rule of each kind of verdict: the id of its descriptor (<see cref="Rules.For"/>, the one map).</summary>
    public static string Of(Judgement.VerdictKind kind) => Rules.For(kind).Id;
}

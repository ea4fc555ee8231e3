namespace ModelAnalyzers.Cli;

/// <summary>Input tokens (cached ones included), the cached part, and output tokens.</summary>
internal readonly record struct TokenCounts(long Input, long Cached, long Output)
{
    public TokenCounts Plus(long input, long cached, long output) => new(Input + input, Cached + cached, Output + output);
}

namespace ModelAnalyzers.Cli;

/// <summary>The lowest status that makes the run fail (exit code 1): retired &lt; deprecated &lt; costlier.</summary>
internal enum FailOn
{
    None,
    Retired,
    Deprecated,
    Costlier,
}

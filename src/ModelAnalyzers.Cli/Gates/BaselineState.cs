namespace ModelAnalyzers.Cli.Gates;

/// <summary>A finding against the team's baseline: new ones count for --fail-on and are annotated, accepted ones do not.</summary>
internal enum BaselineState
{
    New,
    Accepted,
}

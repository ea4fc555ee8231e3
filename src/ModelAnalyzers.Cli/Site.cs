namespace ModelAnalyzers.Cli;

/// <summary>One place a model is used: a diagnostic of the package's analyzers, or an inventory entry that is fine.</summary>
internal sealed record Site(
    string? RuleId,
    string Model,
    string? Target,
    string Project,
    string File,
    int Line,
    int Column,
    string Message)
{
    /// <summary>The code of the finding's line with white space removed: its baseline fingerprint's shape.</summary>
    public string Shape { get; init; } = "";

    /// <summary>With --baseline: new or accepted; null without a baseline.</summary>
    public Gates.BaselineState? Baseline { get; init; }

    /// <summary>"new" or "accepted" as the reports write it; null without a baseline.</summary>
    public string? BaselineText => Baseline?.ToString().ToLowerInvariant();

    /// <summary>Counts for --fail-on and the annotations: everything but an accepted baseline finding.</summary>
    public bool IsNew => Baseline != Gates.BaselineState.Accepted;
}

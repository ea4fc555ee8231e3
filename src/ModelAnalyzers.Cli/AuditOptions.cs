namespace ModelAnalyzers.Cli;

/// <summary>What the audit was asked to do (built by <see cref="Commands"/> from the command line; docs/cli.md).</summary>
internal sealed record AuditOptions
{
    public string Path { get; init; } = ".";

    public ReportFormat Format { get; init; } = ReportFormat.Console;

    public string? Output { get; init; }

    public bool Fix { get; init; }

    /// <summary>--target: with --fix, move every site that offers this model to it; without it each site moves to its recommendation.</summary>
    public string? FixTarget { get; init; }

    public bool DryRun { get; init; }

    /// <summary>--model: with --fix, only the sites of this model are fixed (one migration pull request per model).</summary>
    public string? FixModel { get; init; }

    public FailOn FailOn { get; init; }

    public long? MonthlyInputTokens { get; init; }

    public long? MonthlyOutputTokens { get; init; }

    public DateTime AsOf { get; init; } = DateTime.UtcNow.Date;

    /// <summary>Usage exports (--usage, repeatable): OpenAI Usage API responses, the dashboard's CSV, Azure FOCUS cost exports.</summary>
    public IReadOnlyList<string> UsageFiles { get; init; } = Array.Empty<string>();

    /// <summary>--baseline: the team's accepted findings; only the others are new and count for --fail-on.</summary>
    public string? Baseline { get; init; }

    /// <summary>--changed-since: only findings on lines changed since this git ref are reported and counted.</summary>
    public string? ChangedSince { get; init; }

    /// <summary>
    /// Where --fix moves a site of <paramref name="model"/> that offers <paramref name="offers"/> (its recommendation
    /// first): --model picks which model moves, --target the offer it moves to (else the recommendation); null: not moved.
    /// </summary>
    public string? FixTargetFor(string? model, IReadOnlyList<string> offers) =>
        FixModel is { } only && only != model ? null
        : FixTarget is { } chosen ? (offers.Contains(chosen) ? chosen : null)
        : offers.FirstOrDefault();

    /// <summary>Like dotnet build, the audit restores first unless told not to (MSBuildWorkspace itself never restores).</summary>
    public bool Restore { get; init; } = true;
}

namespace ModelAnalyzers.Cli;

internal sealed class ProjectResult
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    /// <summary>What the headline calls a group of files that is not a project ("environment files"); null for a project.</summary>
    public string? FileGroup { get; init; }

    /// <summary>Why the project could not be audited; null when it was.</summary>
    public string? Error { get; set; }

    public SortedDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts one more finding or note of the rule.</summary>
    public void Count(string ruleId) => Counts[ruleId] = Counts.TryGetValue(ruleId, out int n) ? n + 1 : 1;

    /// <summary>Diagnostics without a source location (stale data, invalid configuration), counted in <see cref="Counts"/> too.</summary>
    public List<ProjectNote> Notes { get; } = new();

    /// <summary>
    /// With --usage: what moving this project's sites saves a month at the exported traffic. A model used by several
    /// projects is split by their share of its sites (an export does not say which project sent a request).
    /// </summary>
    public double? UsageMonthlySavingUsd { get; set; }
}

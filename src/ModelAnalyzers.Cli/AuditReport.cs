namespace ModelAnalyzers.Cli;

/// <summary>Everything model-audit found, before formatting. The JSON report is this, serialized (docs/cli-report.schema.json).</summary>
internal sealed class AuditReport
{
    public required string Path { get; init; }

    /// <summary>The date the verdicts were judged at: the command's --as-of, unless the projects' own configuration set one.</summary>
    public required DateTime AsOf { get; set; }

    /// <summary>The date of the model data the verdicts used (the built-in catalog's, or a newer overlay's).</summary>
    public DateTime? DataAsOf { get; set; }

    public long? MonthlyInputTokens { get; init; }

    public long? MonthlyOutputTokens { get; init; }

    public List<ProjectResult> Projects { get; } = new();

    /// <summary>Every finding (rule diagnostics), in file order.</summary>
    public List<Site> Findings { get; } = new();

    /// <summary>The Azure OpenAI deployments the infrastructure files declare, fine ones included, in file order.</summary>
    public List<DeploymentRow> Deployments { get; } = new();

    /// <summary>Every model literal that reaches a site, fine or not (the inventory), per model.</summary>
    public List<ModelSummary> Models { get; } = new();

    /// <summary>The usage exports read (--usage); empty when none was given.</summary>
    public List<string> UsageFiles { get; } = new();

    /// <summary>Usage of models no audited site names (other repos, configuration, names built at run time).</summary>
    public List<UsageSummary> UnmatchedUsage { get; } = new();

    /// <summary>Export rows of model usage that could not be tied to a model or to tokens, with file, line and why.</summary>
    public List<string> UnmappedUsage { get; } = new();

    /// <summary>With --baseline: the file, and its entries no finding matched any more (fixed or changed code).</summary>
    public string? BaselineFile { get; set; }

    public List<string> StaleBaseline { get; } = new();

    /// <summary>With --changed-since: the git ref the findings were limited to.</summary>
    public string? ChangedSince { get; set; }

    /// <summary>True when a project reported that the model data is older than its as-of date allows (MDL0902).</summary>
    public bool DataIsStale => Projects.Any(p => p.Notes.Any(n => n.RuleId == RuleIds.StaleCatalog));

    /// <summary>"; model data of 2026-12-04 (179 days old)" when the data is stale, for the reports' first line.</summary>
    public string DataAgeText => DataIsStale && DataAsOf is DateTime data
        ? $"; model data of {data:yyyy-MM-dd} ({(int)(AsOf - data).TotalDays} days old: update the package or run 'model-audit catalog update')"
        : "";
}


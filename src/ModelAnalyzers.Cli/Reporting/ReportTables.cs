using System.Globalization;

namespace ModelAnalyzers.Cli;

/// <summary>The report's tables, the same in every human-readable format: models, deployments, projects and usage.</summary>
internal static class ReportTables
{
    public static ReportTable Models(AuditReport report) => new(
        "Models",
        new[] { "Model", "Status", "Shutdown", "Sites", "Projects", "Suggested target", "Input price", "Output price", "Blended saving", "$/month" },
        new HashSet<int> { 3, 9 },
        report.Models.Select(m => new ReportCell[]
        {
            new(m.Model, CellStyle.Code),
            new(m.Status, StatusStyle(m.Status)),
            m.ShutdownOn ?? "",
            m.Sites.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", m.Projects),
            m.Target is null ? "" : new ReportCell(m.Target, CellStyle.Code),
            m.Target is null ? "" : ReportText.Price(m.InputPriceChangePercent),
            m.Target is null ? "" : ReportText.Price(m.OutputPriceChangePercent),
            m.Target is null ? "" : ReportText.Saving(m.BlendedSavingPercent),
            ReportText.Dollars(m.MonthlySavingUsd),
        }).ToList());

    /// <summary>The Deployments section; the recommendation names Azure's own suggestion beside the live target.</summary>
    public static ReportTable Deployments(AuditReport report) => new(
        "Deployments",
        new[] { "Deployment", "Model", "Version", "Type", "Status", "Date", "Recommendation", "Where" },
        new HashSet<int>(),
        report.Deployments.Select(d => new ReportCell[]
        {
            new(d.Name ?? "(not resolved)", CellStyle.Code),
            new(d.Model, CellStyle.Code),
            d.Version ?? "",
            d.Sku ?? "",
            new(d.Status, d.Status switch
            {
                "retired" => CellStyle.Bad,
                "no new deployments" or "retiring" => CellStyle.Warning,
                "fine" => CellStyle.Good,
                _ => CellStyle.Plain,
            }),
            d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            (d.Recommendation ?? "") + (d.AzureSuggests is { } named ? $" (Azure suggests {named})" : ""),
            $"{ReportText.Relative(report, d.File)}:{d.Line}" + (d.WrittenAt is { } written ? $" (value at {ReportText.WrittenAt(report, written)})" : ""),
        }).ToList());

    /// <summary>One row per project: its count of each rule found, the usage saving with --usage, and whether it loaded.</summary>
    public static ReportTable Projects(AuditReport report)
    {
        var rules = ReportText.RuleIdsOf(report).ToList();
        bool usage = report.UsageFiles.Count > 0;
        var columns = new List<string> { "Project" };
        columns.AddRange(rules);
        if (usage)
        {
            columns.Add("Migration saves at the exported traffic");
        }

        columns.Add("Status");
        var rows = report.Projects.Select(p => new[] { new ReportCell(p.Name) }
            .Concat(rules.Select(r => new ReportCell(p.Counts.TryGetValue(r, out int n) ? n.ToString(CultureInfo.InvariantCulture) : "")))
            .Concat(usage ? new[] { new ReportCell(p.UsageMonthlySavingUsd is null ? "" : ReportText.Dollars(p.UsageMonthlySavingUsd) + "/month") } : Array.Empty<ReportCell>())
            .Append(p.Error is null ? new ReportCell("audited") : new ReportCell("not loaded: " + p.Error, CellStyle.Bad))
            .ToArray()).ToList();
        return new ReportTable("Projects", columns, new HashSet<int>(Enumerable.Range(1, rules.Count + (usage ? 1 : 0))), rows);
    }

    /// <summary>With --usage: each model's exported traffic, what it costs, and what it would cost at the suggested target.</summary>
    public static ReportTable Usage(AuditReport report) => new(
        "Usage (" + string.Join(", ", report.UsageFiles.Select(Path.GetFileName)) + ")",
        new[] { "Model", "Period", "Input tokens", "Cached input", "Output tokens", "Requests", "Cost", "Suggested target", "At target", "Saving/month" },
        new HashSet<int> { 2, 3, 4, 5, 6, 8, 9 },
        report.Models.Select(UsageCells).ToList());

    private static ReportCell[] UsageCells(ModelSummary m) => m.Usage is not { } u
        ? new ReportCell[] { new(m.Model, CellStyle.Code), "no usage in the export", "", "", "", "", "", m.Target ?? "", "", "" }
        : new ReportCell[]
        {
            new(m.Model + ReportText.ExportedAs(u), CellStyle.Code),
            ReportText.Period(u), ReportText.Tokens(u.InputTokens), ReportText.Tokens(u.CachedInputTokens), ReportText.Tokens(u.OutputTokens), ReportText.Tokens(u.Requests),
            ReportText.CostText(u), m.Target ?? "", ReportText.Dollars(u.ProjectedCostUsd),
            ReportText.Dollars(u.MonthlySavingUsd) + (u.ProjectionIsEstimate ? " *" : ""),
        };

    private static CellStyle StatusStyle(string status) => status switch
    {
        "retired" => CellStyle.Bad,
        "deprecated" or "misspelled" => CellStyle.Warning,
        "costlier" => CellStyle.Notice,
        _ => CellStyle.Good,
    };
}

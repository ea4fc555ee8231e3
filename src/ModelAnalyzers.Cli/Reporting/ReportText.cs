using ModelAnalyzers.Cli.Gates;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Cli;

/// <summary>The wording every report format shares: prices, savings, dollars, paths, notes, totals and each rule's default level.</summary>
internal static class ReportText
{
    public static string Price(double? percent) => percent switch
    {
        null => "?",
        0 => "same",
        double p when p < 0 => $"{-p:0.#}% lower",
        double p => $"{p:0.#}% higher",
    };

    public static string Saving(double? percent) => percent switch
    {
        null => "?",
        double p when p >= 0 => $"{p:0.#}%",
        double p => $"{p:0.#}% (costs more)",
    };

    public static string Dollars(double? value) => value switch
    {
        null => "",
        double v when v >= 0 => v.ToString("$#,0.00", CultureInfo.InvariantCulture),
        double v => "-" + (-v).ToString("$#,0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>"3 model(s), 4 site(s) in 1 project(s) and environment files": file groups are not counted as projects.</summary>
    public static string Scope(AuditReport report)
    {
        var groups = report.Projects.Where(p => p.FileGroup is not null).Select(p => p.FileGroup!).ToList();
        string projects = $"{report.Projects.Count - groups.Count} project(s)";
        string where = groups.Count == 0 ? projects : $"{string.Join(", ", new[] { projects }.Concat(groups.Take(groups.Count - 1)))} and {groups[^1]}";
        return $"{report.Models.Count} model(s), {report.Models.Sum(m => m.Sites)} site(s) in {where}";
    }

    public static string Relative(AuditReport report, string? path) => RelativePath.Of(System.IO.Path.GetDirectoryName(report.Path) ?? "", path);

    /// <summary>Every project-level note with its project, in project order.</summary>
    public static IEnumerable<(ProjectResult Project, ProjectNote Note)> Notes(AuditReport report) =>
        report.Projects.SelectMany(p => p.Notes.Select(n => (p, n)));

    public static double? UsageMonthly(AuditReport report) =>
        report.Models.Any(m => m.Usage?.MonthlySavingUsd is not null) ? Math.Round(report.Models.Sum(m => m.Usage?.MonthlySavingUsd ?? 0), 2) : null;

    public static string Tokens(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Period(UsageSummary u) =>
        u.From is DateTime from && u.To is DateTime to ? $"{from:yyyy-MM-dd} to {to.AddSeconds(-1):yyyy-MM-dd}" : "undated";

    public static string ExportedAs(UsageSummary u) =>
        u.ExportedAs.Any(e => e != u.Model) ? $" (exported as {string.Join(", ", u.ExportedAs)})" : "";

    /// <summary>
    /// The cost at catalog prices, and beside it what the export itself billed and how far apart the two are on the same
    /// tokens; when other exports added tokens without a cost, the billed part is named with its catalog figure.
    /// </summary>
    public static string CostText(UsageSummary u)
    {
        string cost = u.CostUsd is null ? "no price" + (u.Units > 0 ? $" ({Tokens(u.Units)} {u.UnitName})" : "") : Dollars(u.CostUsd);
        if (u.ExportedCost is not double billed)
        {
            return cost;
        }

        if (u.ExportedCurrency != "USD")
        {
            return cost + string.Create(CultureInfo.InvariantCulture, $" (billed {billed:#,0.00} {u.ExportedCurrency})");
        }

        string difference = u.ExportedCostDifferencePercent is double d ? string.Create(CultureInfo.InvariantCulture, $", {d:+0.#;-0.#;0}%") : "";
        return u.ExportedCostCoversAll
            ? $"{cost} (billed {Dollars(billed)}{difference})"
            : $"{cost} (billed rows: {Dollars(billed)}, {Dollars(u.BilledAtCatalogUsd)} at catalog prices{difference})";
    }

    public const string EstimateNote = "* the target is a reasoning model: its reasoning tokens bill as output, so the projected cost is a low estimate";

    public static string WrittenAt(AuditReport report, string fileAndLine)
    {
        int colon = fileAndLine.LastIndexOf(':');
        return colon < 0 ? fileAndLine : Relative(report, fileAndLine[..colon]) + fileAndLine[colon..];
    }

    public static IEnumerable<string> RuleIdsOf(AuditReport report) =>
        report.Projects.SelectMany(p => p.Counts.Keys).Distinct().Order(StringComparer.Ordinal);

    public static double? TotalMonthly(AuditReport report) =>
        report.Models.Any(m => m.MonthlySavingUsd is not null) ? Math.Round(report.Models.Sum(m => m.MonthlySavingUsd ?? 0), 2) : null;

    /// <summary>"baseline model-audit.baseline.json: 1 new, 5 accepted, 0 stale; changed since origin/main" when a gate was applied.</summary>
    public static string? GateLine(AuditReport report)
    {
        var parts = new List<string>();
        if (report.BaselineFile is { } file)
        {
            parts.Add($"baseline {System.IO.Path.GetFileName(file)}: {report.Findings.Count(f => f.Baseline == BaselineState.New)} new, {report.Findings.Count(f => f.Baseline == BaselineState.Accepted)} accepted, {report.StaleBaseline.Count} stale");
        }

        if (report.ChangedSince is { } since)
        {
            parts.Add($"findings on lines changed since {since}: {report.Findings.Count}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static IEnumerable<Site> Annotated(AuditReport report) => report.Findings.Where(f => f.IsNew);

    /// <summary>Every rule the package's analyzers declare, once, in id order: SARIF's rules and the annotations' levels.</summary>
    public static readonly List<DiagnosticDescriptor> Descriptors = typeof(ModelLifecycleAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    public static DiagnosticSeverity DefaultSeverity(string? ruleId) =>
        Descriptors.FirstOrDefault(d => d.Id == ruleId)?.DefaultSeverity ?? DiagnosticSeverity.Warning;
}

using System.Globalization;
using System.Text;
using static ModelAnalyzers.Cli.ReportText;

namespace ModelAnalyzers.Cli;

/// <summary>The Markdown report (a pull request comment, a job summary): the same tables as pipe tables, findings folded.</summary>
internal static class MarkdownReport
{
    public static string Write(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## model-audit: {Path.GetFileName(report.Path)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{ReportText.Scope(report)}, judged at {report.AsOf:yyyy-MM-dd}{report.DataAgeText}.");
        if (TotalMonthly(report) is double total)
        {
            text.Append(CultureInfo.InvariantCulture, $" Saving at the given monthly volumes: **{Dollars(total)}/month**.");
        }

        text.Append("\n\n");
        Draw(ReportTables.Models(report), text);
        if (report.UsageFiles.Count > 0)
        {
            text.Append('\n');
            Draw(ReportTables.Usage(report), text);
            WriteUsageLines(report, text);
            text.Append('\n');
        }

        if (report.Deployments.Count > 0)
        {
            text.Append("\n### Deployments\n\n");
            Draw(ReportTables.Deployments(report), text);
        }

        text.Append('\n');
        Draw(ReportTables.Projects(report), text);
        foreach (var (project, note) in Notes(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n> **{note.RuleId}** ({Cell(project.Name)}): {Cell(note.Message)}\n");
        }

        if (GateLine(report) is { } gate)
        {
            text.Append('\n').Append(gate).Append('\n');
            foreach (string stale in report.StaleBaseline)
            {
                text.Append("- stale baseline entry: ").Append(Cell(stale)).Append('\n');
            }
        }

        if (report.Findings.Count > 0)
        {
            text.Append("\n<details><summary>").Append(report.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append(" finding(s)</summary>\n\n| Rule | Location | Model | Message |\n|---|---|---|---|\n");
            foreach (var site in report.Findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {site.RuleId}{(site.BaselineText is { } state ? $" ({state})" : "")} | `{Relative(report, site.File)}:{site.Line}` | `{site.Model}` | {Cell(site.Message)} |\n");
            }

            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    private static void WriteUsageLines(AuditReport report, StringBuilder text)
    {
        if (report.Models.Any(m => m.Usage?.ProjectionIsEstimate == true))
        {
            text.Append('\n').Append(EstimateNote).Append('\n');
        }

        foreach (var u in report.UnmatchedUsage)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nUsage with no audited site: `{u.Model}`{ExportedAs(u)} ({Tokens(u.InputTokens)} input, {Tokens(u.OutputTokens)} output tokens, {CostText(u)}).");
        }

        foreach (string row in report.UnmappedUsage)
        {
            text.Append("\nUsage not tied to a model: ").Append(row).Append('.');
        }

        if (UsageMonthly(report) is double migration)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\nA full migration saves **{Dollars(migration)}/month** at the exported traffic.");
        }
    }

    private static void Draw(ReportTable table, StringBuilder text)
    {
        text.Append("| ").Append(string.Join(" | ", table.Columns)).Append(" |\n|");
        text.Append(string.Concat(table.Columns.Select((_, i) => table.RightAligned.Contains(i) ? "---:|" : "---|"))).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append("| ").Append(string.Join(" | ", row.Select(c => c.Style == CellStyle.Code ? $"`{Cell(c.Text)}`" : Cell(c.Text)))).Append(" |\n");
        }
    }

    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\n", " ");
}

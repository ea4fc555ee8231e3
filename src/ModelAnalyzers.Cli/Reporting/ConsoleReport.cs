using Spectre.Console;
using static ModelAnalyzers.Cli.ReportText;

namespace ModelAnalyzers.Cli;

/// <summary>The console report: the tables drawn by Spectre.Console (status colored when the terminal takes color), then notes and findings.</summary>
internal static class ConsoleReport
{
    public static void Write(AuditReport report, TextWriter output, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.WriteLine($"model-audit {Path.GetFileName(report.Path)}: {Scope(report)}, judged at {report.AsOf:yyyy-MM-dd}{report.DataAgeText}");

        console.Write(Draw(ReportTables.Models(report)));
        if (report.Deployments.Count > 0)
        {
            console.Write(Draw(ReportTables.Deployments(report)));
        }

        console.Write(Draw(ReportTables.Projects(report)));
        if (report.UsageFiles.Count > 0)
        {
            console.Write(Draw(ReportTables.Usage(report)));
            WriteUsageLines(report, console);
        }

        if (TotalMonthly(report) is double total)
        {
            console.WriteLine($"Total saving at the given monthly volumes (each model as if it carried them): {Dollars(total)}/month");
        }

        foreach (var (project, note) in Notes(report))
        {
            console.WriteLine($"{project.Name}: {note.RuleId} {note.Message}");
        }

        if (GateLine(report) is { } gate)
        {
            console.WriteLine(gate);
        }

        foreach (string stale in report.StaleBaseline)
        {
            console.WriteLine($"stale baseline entry (no such finding any more): {stale}");
        }

        foreach (var site in report.Findings)
        {
            console.WriteLine($"{Relative(report, site.File)}:{site.Line}:{site.Column} {site.RuleId}{(site.BaselineText is { } state ? $" ({state})" : "")} {site.Message}");
        }
    }

    private static void WriteUsageLines(AuditReport report, IAnsiConsole console)
    {
        if (report.Models.Any(m => m.Usage?.ProjectionIsEstimate == true))
        {
            console.WriteLine(EstimateNote);
        }

        foreach (var u in report.UnmatchedUsage)
        {
            console.WriteLine($"usage with no audited site: {u.Model}{ExportedAs(u)} ({Tokens(u.InputTokens)} input, {Tokens(u.OutputTokens)} output tokens, {CostText(u)}): called from code the audit did not see");
        }

        foreach (string row in report.UnmappedUsage)
        {
            console.WriteLine($"usage not tied to a model: {row}");
        }

        if (UsageMonthly(report) is double migration)
        {
            console.WriteLine($"A full migration saves {Dollars(migration)}/month at the exported traffic");
        }
    }

    private static Table Draw(ReportTable table)
    {
        var drawn = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(table.Title));
        foreach (string column in table.Columns)
        {
            drawn.AddColumn(new TableColumn(Markup.Escape(column)));
        }

        foreach (var row in table.Rows)
        {
            drawn.AddRow(row.Select(Styled).ToArray());
        }

        return drawn;
    }

    private static string Styled(ReportCell cell) => cell.Style switch
    {
        CellStyle.Good => $"[green]{Markup.Escape(cell.Text)}[/]",
        CellStyle.Notice => $"[blue]{Markup.Escape(cell.Text)}[/]",
        CellStyle.Warning => $"[yellow]{Markup.Escape(cell.Text)}[/]",
        CellStyle.Bad => $"[red]{Markup.Escape(cell.Text)}[/]",
        _ => Markup.Escape(cell.Text),
    };
}

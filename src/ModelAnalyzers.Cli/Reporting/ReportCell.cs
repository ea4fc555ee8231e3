namespace ModelAnalyzers.Cli;

/// <summary>One cell of a report table: its text and how a format may mark it (a color on a console, code in Markdown).</summary>
internal readonly record struct ReportCell(string Text, CellStyle Style = CellStyle.Plain)
{
    public static implicit operator ReportCell(string text) => new(text);
}

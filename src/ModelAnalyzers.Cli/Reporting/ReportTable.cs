namespace ModelAnalyzers.Cli;

/// <summary>A table of the report, built once (<see cref="ReportTables"/>) and drawn by the console and Markdown formats alike.</summary>
/// <param name="RightAligned">The columns that hold numbers.</param>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlySet<int> RightAligned, IReadOnlyList<ReportCell[]> Rows);

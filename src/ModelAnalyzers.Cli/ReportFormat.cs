namespace ModelAnalyzers.Cli;

internal enum ReportFormat
{
    Console,
    Markdown,
    Json,
    Sarif,
}

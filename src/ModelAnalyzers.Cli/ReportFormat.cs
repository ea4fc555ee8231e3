namespace ModelAnalyzers.Cli;

internal enum ReportFormat
{
    Console,
    Markdown,
    Json,
    Sarif,

    /// <summary>GitHub Actions workflow commands: a file/line annotation per finding.</summary>
    GitHub,
}

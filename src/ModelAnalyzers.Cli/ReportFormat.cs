namespace ModelAnalyzers.Cli;

internal enum ReportFormat
{
    Console,
    Markdown,
    Json,
    Sarif,

    /// <summary>GitHub Actions workflow commands: a file/line annotation per finding.</summary>
    GitHub,

    /// <summary>Azure Pipelines logging commands (##vso[task.logissue]): the same annotations.</summary>
    Azure,
}

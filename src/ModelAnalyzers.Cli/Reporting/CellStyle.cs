namespace ModelAnalyzers.Cli;

/// <summary>What a cell says beyond its text: an id to show as code, or a status's tone.</summary>
internal enum CellStyle
{
    Plain,
    Code,
    Good,
    Notice,
    Warning,
    Bad,
}

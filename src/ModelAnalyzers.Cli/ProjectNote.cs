namespace ModelAnalyzers.Cli;

/// <summary>
/// A diagnostic about a project as a whole, with no place in a file (MDL0900-MDL0902): shown beside the project, never
/// as a finding with a line.
/// </summary>
internal sealed record ProjectNote(string RuleId, string Message);

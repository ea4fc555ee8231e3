namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// A deployment's model name or version as infrastructure code decides it: the value and where it is written (the
/// literal, a parameter's default, or a parameters file's value), or the expression that could not be resolved.
/// </summary>
internal sealed record WrittenValue(string? Value, string File, int Offset, int Length, string? Unresolved = null);

namespace ModelAnalyzers.Cli.Gates;

/// <summary>A baseline or changed-lines gate that cannot be applied (no git, not a repository, a bad baseline file): a usage error.</summary>
internal sealed class GateException(string message) : Exception(message);

namespace ModelAnalyzers.Cli.EnvFiles;

/// <summary>
/// A value an environment or deployment file sets: its variable or key name, the configuration key it sets
/// (<c>Ai__ChatModel</c> is <c>Ai:ChatModel</c>), the value, and where its text is (1-based line and column; the offset
/// and length of the value as written, quotes included).
/// </summary>
internal sealed record EnvironmentValue(string File, string Name, string ConfigurationKey, string Value, int Line, int Column, int Offset, int Length);

namespace ModelAnalyzers.Cli;

/// <summary>
/// Loads the solution with MSBuildWorkspace and runs the package's own analyzers (findings), its site walk (the
/// inventory, fine models included) and its Fix All (--fix). Nothing here detects or judges a model by itself.
/// </summary>
/// <summary>A file the fixes change: its path, and its text before and after.</summary>
/// <summary>A file --fix rewrites, with the encoding it was read in (kept when it is written back).</summary>
internal sealed record FileChange(string Path, string Before, string After, System.Text.Encoding? Encoding = null);

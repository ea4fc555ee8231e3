namespace ModelAnalyzers.Cli;

/// <summary>A file --fix rewrites: its path, its text before and after, and the encoding it was read in (kept when it is written back).</summary>
internal sealed record FileChange(string Path, string Before, string After, System.Text.Encoding? Encoding = null);

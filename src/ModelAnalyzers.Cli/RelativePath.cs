namespace ModelAnalyzers.Cli;

/// <summary>A path as every report, diff and baseline writes it: relative to the audited solution's folder, with '/'.</summary>
internal static class RelativePath
{
    public static string Of(string root, string? path) =>
        string.IsNullOrEmpty(path) ? "" : Path.GetRelativePath(root, path).Replace('\\', '/');
}

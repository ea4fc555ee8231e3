using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ModelAnalyzers.Cli.Gates;

/// <summary>
/// The lines a pull request changed: `git diff --unified=0 <ref>` (against the working tree, so uncommitted work counts
/// too) read for its file names and new-side hunks. Files are keyed by full path.
/// </summary>
internal static partial class ChangedLines
{
    public static async Task<Dictionary<string, List<(int From, int To)>>> ReadAsync(string directory, string since)
    {
        string root = (await GitAsync(directory, "rev-parse", "--show-toplevel")).Trim();
        string diff = await GitAsync(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", since, "--");
        var changed = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        List<(int, int)>? current = null;
        foreach (string line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                string name = line.Substring(4).Trim();
                current = name == "/dev/null" ? null : changed[Path.GetFullPath(Path.Combine(root, name.StartsWith("b/", StringComparison.Ordinal) ? name.Substring(2) : name))] = new List<(int, int)>();
            }
            else if (current is not null && Hunk().Match(line) is { Success: true } hunk)
            {
                int start = int.Parse(hunk.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                int count = hunk.Groups[2].Success ? int.Parse(hunk.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, start + count - 1));
                }
            }
        }

        return changed;
    }

    public static bool Contains(Dictionary<string, List<(int From, int To)>> changed, string file, int line) =>
        changed.TryGetValue(Path.GetFullPath(file), out var ranges) && ranges.Any(r => line >= r.From && line <= r.To);

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new GateException("--changed-since needs git, and no 'git' command was found on PATH");
        }

        if (process is null)
        {
            throw new GateException("--changed-since needs git, and git could not be started");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                string why = (await error).Trim();
                throw new GateException(why.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                    ? $"--changed-since: '{directory}' is not in a git repository"
                    : $"--changed-since: git {string.Join(' ', arguments)} failed: {why}");
            }

            return await output;
        }
    }

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex Hunk();
}

using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ModelAnalyzers.Cli;

/// <summary>A unified diff (three lines of context) of one file, as `git diff` would show it, for --dry-run and catalog update --dry-run.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        // The line diff is DiffPlex's (Myers); this only lays it out as unified hunks.
        var ops = new List<(char Kind, string Line, int OldLine, int NewLine)>();
        int x = 0, y = 0;
        foreach (var line in InlineDiffBuilder.Diff(Normalize(before), Normalize(after), ignoreWhiteSpace: false).Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    ops.Add(('-', line.Text, x++, y));
                    break;
                case ChangeType.Inserted:
                    ops.Add(('+', line.Text, x, y++));
                    break;
                case ChangeType.Unchanged:
                    ops.Add((' ', line.Text, x++, y++));
                    break;
            }
        }

        var text = new StringBuilder();
        text.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        int k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Kind == ' ')
            {
                k++;
                continue;
            }

            int start = Math.Max(0, k - Context);
            int end = k;
            int lastChange = k;
            while (end < ops.Count && (ops[end].Kind != ' ' || end - lastChange <= 2 * Context))
            {
                if (ops[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + Context + 1);
            var hunk = ops.GetRange(start, end - start);
            int oldCount = hunk.Count(o => o.Kind != '+');
            int newCount = hunk.Count(o => o.Kind != '-');
            text.Append($"@@ -{hunk[0].OldLine + 1},{oldCount} +{hunk[0].NewLine + 1},{newCount} @@\n");
            foreach (var op in hunk)
            {
                text.Append(op.Kind).Append(op.Line).Append('\n');
            }

            k = end;
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n');
}

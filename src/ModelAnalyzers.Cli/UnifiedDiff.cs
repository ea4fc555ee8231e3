using System.Text;

namespace ModelAnalyzers.Cli;

/// <summary>A unified diff (three lines of context) of one file, as `git diff` would show it, for --dry-run.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);

        // Longest common subsequence of lines; the files a fix touches are small enough for the quadratic table.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<(char Kind, string Line, int OldLine, int NewLine)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', a[x], x++, y)); // removals first, as diff tools show them
            }
            else
            {
                ops.Add(('+', b[y], x, y++));
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

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}

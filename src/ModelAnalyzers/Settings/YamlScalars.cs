using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>
/// The scalar values of YAML block mappings, read line by line: what prompt files need (a prompty's front matter, a
/// Semantic Kernel prompt's execution settings), no more. Sequence items are the key "-"; flow collections, anchors,
/// tags and block scalars' contents are skipped. The analyzer assembly loads in every host, so it takes no YAML
/// library; anything it cannot read yields no value, never an exception.
/// </summary>
internal static class YamlScalars
{
    public static List<YamlScalar> Read(SourceText text, int firstLine = 0, int endLine = int.MaxValue)
    {
        var found = new List<YamlScalar>();
        var parents = new List<(int Indent, string Key)>();
        int blockIndent = -1;
        for (int number = firstLine; number < Math.Min(endLine, text.Lines.Count); number++)
        {
            var line = text.Lines[number];
            string raw = text.ToString(line.Span);
            int indent = 0;
            while (indent < raw.Length && raw[indent] == ' ')
            {
                indent++;
            }

            string content = raw.Substring(indent).TrimEnd();
            if (blockIndent >= 0)
            {
                if (content.Length == 0 || indent > blockIndent)
                {
                    continue; // the text of a | or > block scalar
                }

                blockIndent = -1;
            }

            if (content.Length == 0 || content[0] == '#' || content == "---" || content == "...")
            {
                continue;
            }

            int offset = indent;
            while (content.StartsWith("- ", StringComparison.Ordinal) || content == "-")
            {
                Pop(parents, indent);
                parents.Add((indent, "-"));
                string item = content.Substring(1);
                offset += 1 + (item.Length - item.TrimStart().Length);
                content = item.TrimStart();
                indent = offset;
            }

            if (KeyEnd(content) is not int colon)
            {
                continue;
            }

            string key = Unquote(content.Substring(0, colon).Trim());
            Pop(parents, indent);
            string rest = content.Substring(colon + 1);
            string value = rest.Trim();
            if (value.Length == 0 || value[0] == '#')
            {
                parents.Add((indent, key)); // a nested mapping or sequence follows
                continue;
            }

            if (value[0] is '|' or '>')
            {
                blockIndent = indent;
                continue;
            }

            if (value[0] is '[' or '{' or '&' or '*' or '!')
            {
                continue;
            }

            int valueStart = offset + colon + 1 + (rest.Length - rest.TrimStart().Length);
            if (Scalar(value) is { } scalar)
            {
                found.Add(new YamlScalar(PathOf(parents, key), scalar.Value, new TextSpan(line.Start + valueStart, scalar.Length)));
            }
        }

        return found;
    }

    /// <summary>The lines of a front matter: between a first line of "---" and the next "---"; (0, 0) when there is none.</summary>
    public static (int First, int End) FrontMatter(SourceText text)
    {
        if (text.Lines.Count == 0 || text.ToString(text.Lines[0].Span).Trim() != "---")
        {
            return (0, 0);
        }

        for (int number = 1; number < text.Lines.Count; number++)
        {
            if (text.ToString(text.Lines[number].Span).Trim() == "---")
            {
                return (1, number);
            }
        }

        return (0, 0);
    }

    private static void Pop(List<(int Indent, string Key)> parents, int indent)
    {
        while (parents.Count > 0 && parents[parents.Count - 1].Indent >= indent)
        {
            parents.RemoveAt(parents.Count - 1);
        }
    }

    private static string PathOf(List<(int Indent, string Key)> parents, string key)
    {
        var path = new System.Text.StringBuilder();
        foreach (var (_, parent) in parents)
        {
            path.Append(parent).Append(':');
        }

        return path.Append(key).ToString();
    }

    /// <summary>Where a mapping key ends: the first ':' followed by a space or the line's end, outside quotes.</summary>
    private static int? KeyEnd(string content)
    {
        char quote = content.Length > 0 && content[0] is '"' or '\'' ? content[0] : '\0';
        int start = 0;
        if (quote != '\0')
        {
            start = content.IndexOf(quote, 1);
            if (start < 0)
            {
                return null;
            }
        }

        for (int i = start; i < content.Length; i++)
        {
            if (content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }

            if (quote == '\0' && content[i] == '#' && i > 0 && content[i - 1] == ' ')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A scalar's text and the length of its token (quotes included; a plain scalar ends before a comment).</summary>
    private static (string Value, int Length)? Scalar(string value)
    {
        switch (value[0])
        {
            case '"':
                var text = new System.Text.StringBuilder();
                for (int i = 1; i < value.Length; i++)
                {
                    if (value[i] == '\\' && i + 1 < value.Length)
                    {
                        text.Append(value[++i]);
                    }
                    else if (value[i] == '"')
                    {
                        return (text.ToString(), i + 1);
                    }
                    else
                    {
                        text.Append(value[i]);
                    }
                }

                return null;
            case '\'':
                for (int i = 1; i < value.Length; i++)
                {
                    if (value[i] == '\'' && (i + 1 == value.Length || value[i + 1] != '\''))
                    {
                        return (value.Substring(1, i - 1).Replace("''", "'"), i + 1);
                    }

                    if (value[i] == '\'')
                    {
                        i++;
                    }
                }

                return null;
            default:
                int comment = value.IndexOf(" #", StringComparison.Ordinal);
                string plain = (comment >= 0 ? value.Substring(0, comment) : value).TrimEnd();
                return (plain, plain.Length);
        }
    }

    private static string Unquote(string key) =>
        key.Length >= 2 && (key[0] == '"' || key[0] == '\'') && key[key.Length - 1] == key[0] ? key.Substring(1, key.Length - 2) : key;
}

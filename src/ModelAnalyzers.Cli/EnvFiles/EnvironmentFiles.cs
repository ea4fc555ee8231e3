using System.Text;
using ModelAnalyzers.Settings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelAnalyzers.Cli.EnvFiles;

/// <summary>
/// The environment and deployment files under the audited folder: <c>.env</c> and <c>.env.*</c>, Docker Compose files
/// (<c>services.*.environment</c>, as a mapping or as KEY=VALUE items), and Kubernetes manifests and Helm values
/// (<c>env:</c> lists of name/value; in Helm values, model-named keys). Read with YamlDotNet; a file that does not
/// parse is named in a message and the audit goes on.
/// </summary>
internal static class EnvironmentFiles
{
    public static IEnumerable<string> Under(string root) => ProjectFolder.FilesUnder(root, IsEnvironmentFile);

    public static bool IsEnvironmentFile(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        return name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal) || IsYaml(name);
    }

    private static bool IsYaml(string name) => name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);

    /// <summary>The values a file sets; <paramref name="problem"/> names what could not be read (the values before it are kept).</summary>
    public static List<EnvironmentValue> Read(string path, string text, out string? problem)
    {
        problem = null;
        var values = new List<EnvironmentValue>();
        if (!IsYaml(Path.GetFileName(path).ToLowerInvariant()))
        {
            problem = ReadDotEnv(path, text, values);
            return values;
        }

        // YamlDotNet's parser recurses once per nesting level: a deep enough file ends the process with a stack
        // overflow, which no catch can stop. No real file nests this deep.
        if (TooDeep(text) is { } where)
        {
            problem = $"{path}({where}): not read: nested deeper than {MaxDepth} levels";
            return values;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            bool helmValues = Path.GetFileName(path).StartsWith("values", StringComparison.OrdinalIgnoreCase);
            foreach (var document in stream.Documents)
            {
                Walk(path, text, document.RootNode, "", helmValues, values, 0);
            }
        }
        catch (YamlException e)
        {
            problem = $"{path}({e.Start.Line},{e.Start.Column}): not read: {e.Message}";
        }

        return values;
    }

    /// <summary>The line and column where flow collections or indentation nest deeper than <see cref="MaxDepth"/>, or null.</summary>
    private static string? TooDeep(string text)
    {
        int depth = 0;
        int line = 1;
        int column = 0;
        int indent = 0;
        bool atLineStart = true;
        char quote = '\0';
        bool comment = false;
        foreach (char c in text)
        {
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                indent = 0;
                atLineStart = true;
                comment = false;
                quote = quote == '"' ? quote : '\0'; // a double-quoted scalar may span lines; a single-quoted one rarely does
                continue;
            }

            if (atLineStart && c == ' ')
            {
                if (++indent > MaxDepth * 8)
                {
                    return $"{line},{column}";
                }

                continue;
            }

            atLineStart = false;
            if (comment)
            {
                continue;
            }

            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '#':
                    comment = true;
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return $"{line},{column}";
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>KEY=VALUE lines; a quoted value not closed on its line (a multi-line value) is not read and is named, the first one.</summary>
    private static string? ReadDotEnv(string path, string text, List<EnvironmentValue> values)
    {
        string? problem = null;
        int offset = 0;
        int line = 0;
        foreach (string raw in text.Split('\n'))
        {
            line++;
            string content = raw.TrimEnd('\r');
            int start = content.Length - content.TrimStart().Length;
            string entry = content.Trim();
            if (entry.StartsWith("export ", StringComparison.Ordinal))
            {
                start += 7 + (entry.Length - 7 - entry.Substring(7).TrimStart().Length);
                entry = entry.Substring(7).TrimStart();
            }

            int equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (entry.Length > 0 && entry[0] != '#' && equals > 0)
            {
                string name = entry[..equals].Trim();
                string rest = entry[(equals + 1)..];
                int valueStart = start + equals + 1 + (rest.Length - rest.TrimStart().Length);
                string written = rest.Trim();
                if (written.Length >= 1 && written[0] is '"' or '\'')
                {
                    if (written.IndexOf(written[0], 1) is not (int close and > 0))
                    {
                        problem ??= $"{path}({line},{valueStart + 1}): not read: the quoted value of {name} is not closed on its line";
                        offset += raw.Length + 1;
                        continue;
                    }

                    written = written[..(close + 1)];
                }
                else if (written.IndexOf(" #", StringComparison.Ordinal) is int comment and >= 0)
                {
                    written = written[..comment].TrimEnd();
                }

                values.Add(new EnvironmentValue(path, name, AppSettingsScanner.EnvironmentKey(name), Unquote(written), line, valueStart + 1, offset + valueStart, written.Length));
            }

            offset += raw.Length + 1;
        }

        return problem;
    }

    // Aliases make the node graph cyclic (&a [*a]) and nesting can be deep: the walk stops at a depth no real file reaches.
    private const int MaxDepth = 64;

    private static void Walk(string path, string text, YamlNode node, string key, bool helmValues, List<EnvironmentValue> values, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (childKey, child) in mapping.Children)
                {
                    string name = (childKey as YamlScalarNode)?.Value ?? "";
                    if (string.Equals(name, "environment", StringComparison.OrdinalIgnoreCase))
                    {
                        Environment(path, text, child, values); // Compose
                    }
                    else if (string.Equals(name, "env", StringComparison.OrdinalIgnoreCase) && child is YamlSequenceNode list)
                    {
                        NameValueList(path, text, list, values); // Kubernetes
                    }
                    else if (helmValues && child is YamlScalarNode scalar && AppSettingsScanner.IsModelKey(name))
                    {
                        Add(path, text, name, AppSettingsScanner.EnvironmentKey(name), scalar, values);
                    }
                    else
                    {
                        Walk(path, text, child, name, helmValues, values, depth + 1);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Walk(path, text, item, key, helmValues, values, depth + 1);
                }

                break;
        }
    }

    private static void Environment(string path, string text, YamlNode node, List<EnvironmentValue> values)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode scalar)
                {
                    Add(path, text, name, AppSettingsScanner.EnvironmentKey(name), scalar, values);
                }
            }
        }
        else if (node is YamlSequenceNode list)
        {
            // - OPENAI_MODEL=gpt-4: the value is the text after '='.
            foreach (var item in list.Children.OfType<YamlScalarNode>())
            {
                if (item.Value is { } entry && entry.IndexOf('=', StringComparison.Ordinal) is int equals and > 0)
                {
                    string name = entry[..equals];
                    int start = Offset(text, item) + (item.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted ? 1 : 0) + equals + 1;
                    string value = entry[(equals + 1)..];
                    var (line, column) = LineColumn(text, start);
                    values.Add(new EnvironmentValue(path, name, AppSettingsScanner.EnvironmentKey(name), value, line, column, start, value.Length));
                }
            }
        }
    }

    private static void NameValueList(string path, string text, YamlSequenceNode list, List<EnvironmentValue> values)
    {
        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            string? name = null;
            YamlScalarNode? value = null;
            foreach (var (key, child) in item.Children)
            {
                switch ((key as YamlScalarNode)?.Value)
                {
                    case "name":
                        name = (child as YamlScalarNode)?.Value;
                        break;
                    case "value":
                        value = child as YamlScalarNode;
                        break;
                }
            }

            if (name is not null && value is not null)
            {
                Add(path, text, name, AppSettingsScanner.EnvironmentKey(name), value, values);
            }
        }
    }

    private static void Add(string path, string text, string name, string key, YamlScalarNode scalar, List<EnvironmentValue> values)
    {
        if (scalar.Value is not { Length: > 0 } value || scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return;
        }

        int start = Offset(text, scalar);
        int length = (int)(scalar.End.Index - scalar.Start.Index);
        values.Add(new EnvironmentValue(path, name, key, value, (int)scalar.Start.Line, (int)scalar.Start.Column, start, length));
    }

    private static int Offset(string text, YamlNode node) => (int)Math.Min(node.Start.Index, text.Length);

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static string Unquote(string written) =>
        written.Length >= 2 && written[0] is '"' or '\'' && written[^1] == written[0] ? written[1..^1] : written;

    /// <summary>The text with each value replaced, in the form it is written (quotes kept), every other byte unchanged.</summary>
    public static string Rewrite(string text, IEnumerable<(EnvironmentValue Value, string Target)> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (value, target) in edits.OrderByDescending(e => e.Value.Offset))
        {
            if (value.Offset + value.Length > text.Length)
            {
                continue;
            }

            string written = text.Substring(value.Offset, value.Length);
            string? replacement = written == value.Value ? target
                : written.Length >= 2 && written[0] is '"' or '\'' && written[^1] == written[0] && written[1..^1] == value.Value ? written[0] + target + written[0]
                : null;
            if (replacement is not null)
            {
                builder.Remove(value.Offset, value.Length).Insert(value.Offset, replacement);
            }
        }

        return builder.ToString();
    }
}

using System.Text;
using System.Text.Json;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Reads an ARM JSON template into the nodes the deployment readers share, with each value's place in the text
/// (System.Text.Json's reader gives byte offsets; they are mapped back to characters). A string "[...]" is an ARM
/// expression; "[[" escapes a literal that starts with a bracket.
/// </summary>
internal static class ArmParser
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <exception cref="FormatException">The file is not JSON; the message names the line.</exception>
    public static BicepNode Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var chars = CharOffsets(text, bytes.Length);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read())
            {
                throw new FormatException("line 1: the file is empty");
            }

            var root = Value(ref reader, chars);
            return root;
        }
        catch (JsonException e)
        {
            throw new FormatException($"line {(e.LineNumber ?? 0) + 1}: not JSON: {e.Message}");
        }
    }

    private static BicepNode Value(ref Utf8JsonReader reader, int[]? chars)
    {
        int start = At(chars, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new BicepNode { Kind = BicepNodeKind.Object, Offset = start };
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string key = reader.GetString() ?? "";
                    reader.Read();
                    node.Properties.Add((key, Value(ref reader, chars)));
                }

                node.Length = At(chars, (int)reader.TokenStartIndex) + 1 - start;
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new BicepNode { Kind = BicepNodeKind.Array, Offset = start };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(Value(ref reader, chars));
                }

                node.Length = At(chars, (int)reader.TokenStartIndex) + 1 - start;
                return node;
            }

            case JsonTokenType.String:
            {
                string value = reader.GetString() ?? "";
                int end = At(chars, (int)(reader.TokenStartIndex + reader.ValueSpan.Length + 2));
                bool expression = value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith(']');
                return new BicepNode
                {
                    Kind = expression ? BicepNodeKind.Expression : BicepNodeKind.String,
                    Text = expression ? value[1..^1].Trim() : value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value,
                    Offset = start,
                    Length = end - start,
                };
            }

            default:
            {
                // Numbers, true/false/null: kept as text, never a model.
                string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                return new BicepNode { Kind = BicepNodeKind.Expression, Text = raw, Offset = start, Length = raw.Length };
            }
        }
    }

    /// <summary>The character index of each UTF-8 byte offset; null when the text is ASCII and the two agree.</summary>
    private static int[]? CharOffsets(string text, int byteCount)
    {
        if (byteCount == text.Length)
        {
            return null;
        }

        var map = new int[byteCount + 1];
        int b = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int size = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            for (int k = 0; k < size && b + k < map.Length; k++)
            {
                map[b + k] = i;
            }

            b += size;
            if (size == 4)
            {
                i++;
            }
        }

        map[byteCount] = text.Length;
        return map;
    }

    private static int At(int[]? chars, int byteOffset) => chars is null ? byteOffset : chars[Math.Min(byteOffset, chars.Length - 1)];
}

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Reads the parts of a Bicep file the deployment readers use: top-level <c>param</c> and <c>var</c> declarations
/// with their values, and every <c>resource</c>'s and <c>module</c>'s body, as objects, arrays, strings and expressions.
/// What it does not model (decorators, loops' headers, conditions, function calls) is kept as expression text or
/// skipped; a file it cannot read raises <see cref="FormatException"/> with the line.
/// </summary>
internal sealed class BicepParser : InfraText
{
    private BicepParser(string text)
        : base(text, hashComments: false)
    {
    }

    /// <summary>The file's declarations: params and vars by name, and the bodies of resources and modules with their type strings.</summary>
    public static BicepFile Parse(string text)
    {
        var parser = new BicepParser(text);
        var file = new BicepFile();
        while (parser.SkipTrivia())
        {
            int lineStart = parser.At;
            string word = parser.Word();
            switch (word)
            {
                case "param":
                {
                    string name = parser.Word();
                    parser.Word(); // the type
                    parser.SkipSpaces();
                    if (parser.Peek() == '=')
                    {
                        parser.At++;
                        file.Parameters[name] = parser.Value(0);
                    }

                    break;
                }

                case "var":
                {
                    string name = parser.Word();
                    parser.SkipTrivia();
                    parser.Expect('=');
                    file.Variables[name] = parser.Value(0);
                    break;
                }

                case "resource" or "module":
                {
                    parser.Word(); // the symbolic name
                    parser.SkipTrivia();
                    string type = parser.Peek() == '\'' ? parser.StringLiteral().Text : parser.Word();
                    parser.SkipTrivia();
                    if (parser.Word() == "existing")
                    {
                        parser.SkipTrivia();
                    }

                    parser.Expect('=');
                    file.Resources.Add((type, parser.Value(0)));
                    break;
                }

                default:
                    parser.SkipLine();
                    break;
            }

            if (parser.At == lineStart)
            {
                parser.At++; // never loop on a character no rule reads
            }
        }

        return file;
    }

    private BicepNode Value(int depth)
    {
        if (depth > 64)
        {
            throw Error("nested deeper than 64 levels");
        }

        SkipTrivia();
        int start = At;
        var value = Peek() switch
        {
            '\'' => StringLiteral(),
            '{' => Object(depth),
            '[' => Array(depth),
            _ => Expression(depth),
        };

        // A stray closing bracket reads as an empty expression: without this, a list would add it forever.
        return At > start ? value : throw Error(At < Text.Length ? $"a value was expected, not '{Text[At]}'" : "a value was expected before the end");
    }

    private BicepNode Object(int depth)
    {
        int start = At;
        At++; // {
        var node = new BicepNode { Kind = BicepNodeKind.Object, Offset = start };
        while (SkipTrivia() && Peek() != '}')
        {
            string key = Peek() == '\'' ? StringLiteral().Text : Word();
            if (key.Length == 0)
            {
                throw Error($"a property name was expected, not '{Peek()}'");
            }

            SkipTrivia();
            Expect(':');
            node.Properties.Add((key, Value(depth + 1)));
            SkipTrivia();
            if (Peek() == ',')
            {
                At++;
            }
        }

        Expect('}');
        node.Length = At - start;
        return node;
    }

    private BicepNode Array(int depth)
    {
        int start = At;
        At++; // [
        var node = new BicepNode { Kind = BicepNodeKind.Array, Offset = start };
        SkipTrivia();
        if (Word() is "for")
        {
            // [for item in items: { ... }] : the item's body is what is deployed.
            while (At < Text.Length && Peek() != ':')
            {
                At++;
            }

            Expect(':');
        }

        while (SkipTrivia() && Peek() != ']')
        {
            node.Items.Add(Value(depth + 1));
            SkipTrivia();
            if (Peek() == ',')
            {
                At++;
            }
        }

        Expect(']');
        node.Length = At - start;
        return node;
    }

    /// <summary>Anything else up to the end of the value: a name, a call, an operator expression (kept as text).</summary>
    private BicepNode Expression(int depth)
    {
        int start = At;
        int nesting = 0;
        while (At < Text.Length)
        {
            char c = Text[At];
            if (c == '\'')
            {
                StringLiteral();
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                if (depth + nesting > 64)
                {
                    throw Error("nested deeper than 64 levels");
                }

                nesting++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (nesting == 0)
                {
                    break;
                }

                nesting--;
            }
            else if ((c is '\n' or ',') && nesting == 0)
            {
                break;
            }

            At++;
        }

        string text = Text.Substring(start, At - start).TrimEnd();
        return new BicepNode { Kind = BicepNodeKind.Expression, Text = text, Offset = start, Length = text.Length };
    }

    private BicepNode StringLiteral()
    {
        int start = At;
        if (Text.AsSpan(At).StartsWith("'''", StringComparison.Ordinal))
        {
            int end = Text.IndexOf("'''", At + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw Error("a multi-line string is not closed");
            }

            At = end + 3;
            return new BicepNode { Kind = BicepNodeKind.Expression, Text = Text.Substring(start, At - start), Offset = start, Length = At - start };
        }

        return Quoted('\'');
    }

    private string Word()
    {
        SkipSpaces();
        int start = At;
        while (At < Text.Length && (char.IsLetterOrDigit(Text[At]) || Text[At] is '_' or '.'))
        {
            At++;
        }

        return Text.Substring(start, At - start);
    }

    private void Expect(char c)
    {
        SkipTrivia();
        if (Peek() != c)
        {
            throw Error($"'{c}' was expected{(At < Text.Length ? $", not '{Text[At]}'" : " before the end")}");
        }

        At++;
    }
}

using System.Text;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Reads the parts of a Bicep file the deployment readers use: top-level <c>param</c> and <c>var</c> declarations
/// with their values, and every <c>resource</c>'s and <c>module</c>'s body, as objects, arrays, strings and expressions.
/// What it does not model (decorators, loops' headers, conditions, function calls) is kept as expression text or
/// skipped; a file it cannot read raises <see cref="FormatException"/> with the line.
/// </summary>
internal sealed class BicepParser
{
    private readonly string _text;
    private int _at;

    private BicepParser(string text)
    {
        _text = text;
    }

    /// <summary>The file's declarations: params and vars by name, and the bodies of resources and modules with their type strings.</summary>
    public static BicepFile Parse(string text)
    {
        var parser = new BicepParser(text);
        var file = new BicepFile();
        while (parser.SkipTrivia())
        {
            int lineStart = parser._at;
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
                        parser._at++;
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

            if (parser._at == lineStart)
            {
                parser._at++; // never loop on a character no rule reads
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
        int start = _at;
        var value = Peek() switch
        {
            '\'' => StringLiteral(),
            '{' => Object(depth),
            '[' => Array(depth),
            _ => Expression(depth),
        };

        // A stray closing bracket reads as an empty expression: without this, a list would add it forever.
        return _at > start ? value : throw Error(_at < _text.Length ? $"a value was expected, not '{_text[_at]}'" : "a value was expected before the end");
    }

    private BicepNode Object(int depth)
    {
        int start = _at;
        _at++; // {
        var node = new BicepNode { Kind = BicepNodeKind.Object, Offset = start };
        var result = node;
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
                _at++;
            }
        }

        Expect('}');
        return new BicepNode { Kind = BicepNodeKind.Object, Offset = start, Length = _at - start }.With(result);
    }

    private BicepNode Array(int depth)
    {
        int start = _at;
        _at++; // [
        var node = new BicepNode { Kind = BicepNodeKind.Array, Offset = start };
        SkipTrivia();
        if (Word() is "for")
        {
            // [for item in items: { ... }] : the item's body is what is deployed.
            while (_at < _text.Length && Peek() != ':')
            {
                _at++;
            }

            Expect(':');
        }

        while (SkipTrivia() && Peek() != ']')
        {
            node.Items.Add(Value(depth + 1));
            SkipTrivia();
            if (Peek() == ',')
            {
                _at++;
            }
        }

        Expect(']');
        return new BicepNode { Kind = BicepNodeKind.Array, Offset = start, Length = _at - start }.With(node);
    }

    /// <summary>Anything else up to the end of the value: a name, a call, an operator expression (kept as text).</summary>
    private BicepNode Expression(int depth)
    {
        int start = _at;
        int nesting = 0;
        while (_at < _text.Length)
        {
            char c = _text[_at];
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

            _at++;
        }

        string text = _text.Substring(start, _at - start).TrimEnd();
        return new BicepNode { Kind = BicepNodeKind.Expression, Text = text, Offset = start, Length = text.Length };
    }

    private BicepNode StringLiteral()
    {
        int start = _at;
        if (_text.AsSpan(_at).StartsWith("'''", StringComparison.Ordinal))
        {
            int end = _text.IndexOf("'''", _at + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw Error("a multi-line string is not closed");
            }

            _at = end + 3;
            return new BicepNode { Kind = BicepNodeKind.Expression, Text = _text.Substring(start, _at - start), Offset = start, Length = _at - start };
        }

        _at++;
        var value = new StringBuilder();
        bool interpolated = false;
        while (_at < _text.Length && _text[_at] != '\'')
        {
            char c = _text[_at];
            if (c == '\n')
            {
                throw Error("a string is not closed on its line");
            }

            if (c == '\\' && _at + 1 < _text.Length)
            {
                _at++;
                value.Append(_text[_at] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                interpolated |= c == '$' && _at + 1 < _text.Length && _text[_at + 1] == '{';
                value.Append(c);
            }

            _at++;
        }

        if (_at >= _text.Length)
        {
            throw Error("a string is not closed");
        }

        _at++;
        // '${prefix}-chat' is an expression: its value is not known from the text.
        return new BicepNode { Kind = interpolated ? BicepNodeKind.Expression : BicepNodeKind.String, Text = value.ToString(), Offset = start, Length = _at - start };
    }

    private string Word()
    {
        SkipSpaces();
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '.'))
        {
            _at++;
        }

        return _text.Substring(start, _at - start);
    }

    private void Expect(char c)
    {
        SkipTrivia();
        if (Peek() != c)
        {
            throw Error($"'{c}' was expected{(_at < _text.Length ? $", not '{_text[_at]}'" : " before the end")}");
        }

        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpaces()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r')
        {
            _at++;
        }
    }

    /// <summary>Skips white space, line breaks, comments and decorators; false at the end.</summary>
    private bool SkipTrivia()
    {
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (char.IsWhiteSpace(c))
            {
                _at++;
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/')
            {
                SkipLine();
            }
            else if (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '*')
            {
                int end = _text.IndexOf("*/", _at + 2, StringComparison.Ordinal);
                _at = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private void SkipLine()
    {
        while (_at < _text.Length && _text[_at] != '\n')
        {
            _at++;
        }
    }

    private FormatException Error(string what)
    {
        int line = 1;
        for (int i = 0; i < Math.Min(_at, _text.Length); i++)
        {
            line += _text[i] == '\n' ? 1 : 0;
        }

        return new FormatException($"line {line}: {what}");
    }
}

internal static class BicepNodeExtensions
{
    /// <summary>Copies the children gathered while parsing into the node that records the finished span.</summary>
    public static BicepNode With(this BicepNode finished, BicepNode gathered)
    {
        finished.Properties.AddRange(gathered.Properties);
        finished.Items.AddRange(gathered.Items);
        return finished;
    }
}

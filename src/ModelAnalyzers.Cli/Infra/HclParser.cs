using System.Text;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Reads the parts of Terraform (HCL) files the deployment readers use: blocks with labels, attributes whose values
/// are strings (an interpolated one is an expression), other expressions kept as text, and nested blocks; also
/// <c>.tfvars</c> files (top-level attributes). A file it cannot read raises <see cref="FormatException"/> with the line.
/// </summary>
internal sealed class HclParser
{
    private readonly string _text;
    private int _at;

    private HclParser(string text)
    {
        _text = text;
    }

    /// <summary>The file as one block (type ""): its attributes are a .tfvars file's values, its blocks the resources and variables.</summary>
    public static HclBlock Parse(string text)
    {
        var parser = new HclParser(text);
        var root = new HclBlock();
        parser.Body(root, 0, topLevel: true);
        return root;
    }

    private void Body(HclBlock block, int depth, bool topLevel)
    {
        if (depth > 64)
        {
            throw Error("nested deeper than 64 levels");
        }

        while (SkipTrivia())
        {
            if (Peek() == '}')
            {
                if (topLevel)
                {
                    throw Error("'}' without a block to close");
                }

                _at++;
                return;
            }

            int start = _at;
            string name = Peek() == '"' ? Quoted().Text : Word();
            if (name.Length == 0)
            {
                throw Error($"a name was expected, not '{Peek()}'");
            }

            SkipSpaces();
            if (Peek() == '=')
            {
                _at++;
                block.Attributes[name] = Value(depth);
                continue;
            }

            var nested = new HclBlock { Type = name };
            while (SkipSpaces() && Peek() == '"')
            {
                nested.Labels.Add(Quoted().Text);
            }

            SkipSpaces();
            if (Peek() != '{')
            {
                throw Error($"'=' or '{{' was expected after '{name}'");
            }

            _at++;
            Body(nested, depth + 1, topLevel: false);
            block.Blocks.Add(nested);
            if (_at == start)
            {
                _at++;
            }
        }

        if (!topLevel)
        {
            throw Error("a block is not closed");
        }
    }

    private BicepNode Value(int depth)
    {
        SkipSpaces();
        if (Peek() == '"')
        {
            return Quoted();
        }

        // Anything else (var.x, a number, a list or object, a function call) to the end of the line, brackets balanced.
        int start = _at;
        int nesting = 0;
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (c == '"')
            {
                Quoted();
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                if (depth + ++nesting > 64)
                {
                    throw Error("nested deeper than 64 levels");
                }
            }
            else if (c is ')' or ']' or '}')
            {
                if (nesting == 0)
                {
                    break;
                }

                nesting--;
            }
            else if (c == '\n' && nesting == 0)
            {
                break;
            }

            _at++;
        }

        string text = _text.Substring(start, _at - start).TrimEnd();
        if (text.Length == 0)
        {
            throw Error("a value was expected");
        }

        return new BicepNode { Kind = BicepNodeKind.Expression, Text = text, Offset = start, Length = text.Length };
    }

    private BicepNode Quoted()
    {
        int start = _at;
        _at++;
        var value = new StringBuilder();
        bool interpolated = false;
        while (_at < _text.Length && _text[_at] != '"')
        {
            char c = _text[_at];
            if (c == '\n')
            {
                throw Error("a string is not closed on its line");
            }

            if (c == '\\' && _at + 1 < _text.Length)
            {
                _at++;
                value.Append(_text[_at]);
            }
            else
            {
                interpolated |= c is '$' or '%' && _at + 1 < _text.Length && _text[_at + 1] == '{';
                value.Append(c);
            }

            _at++;
        }

        if (_at >= _text.Length)
        {
            throw Error("a string is not closed");
        }

        _at++;
        return new BicepNode { Kind = interpolated ? BicepNodeKind.Expression : BicepNodeKind.String, Text = value.ToString(), Offset = start, Length = _at - start };
    }

    private string Word()
    {
        int start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] is '_' or '-'))
        {
            _at++;
        }

        return _text.Substring(start, _at - start);
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private bool SkipSpaces()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r')
        {
            _at++;
        }

        return _at < _text.Length;
    }

    private bool SkipTrivia()
    {
        while (_at < _text.Length)
        {
            char c = _text[_at];
            if (char.IsWhiteSpace(c))
            {
                _at++;
            }
            else if (c == '#' || (c == '/' && _at + 1 < _text.Length && _text[_at + 1] == '/'))
            {
                while (_at < _text.Length && _text[_at] != '\n')
                {
                    _at++;
                }
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

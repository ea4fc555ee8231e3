using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// A small, strict RFC 8259 reader (plus // and /* */ comments, which appsettings files use, and for settings files one
/// trailing comma in an object or array, which ASP.NET Core's JSON configuration reads too).
/// Why not System.Text.Json: the compiler does not ship it to analyzers on every host
/// (Visual Studio's .NET Framework MSBuild), and an analyzer must not bring conflicting copies.
/// Nesting is capped so hostile input cannot overflow the stack.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private readonly bool _trailingCommas;

    private JsonReader(string text, bool trailingCommas)
    {
        _text = text;
        _trailingCommas = trailingCommas;
    }

    public static JsonValue Parse(string text, bool trailingCommas = false)
    {
        var reader = new JsonReader(text, trailingCommas);
        reader.SkipWhitespaceAndComments();
        var value = reader.ReadValue(0);
        reader.SkipWhitespaceAndComments();
        if (reader._position < text.Length)
        {
            throw reader.Error("unexpected text after the end of the JSON value");
        }

        return value;
    }

    private int Column => _position - _lineStart + 1;

    private JsonReaderException Error(string message) => new(message, _line, Column);

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting deeper than {MaxDepth} levels");
        }

        if (_position >= _text.Length)
        {
            throw Error("unexpected end of input");
        }

        int line = _line, column = Column;
        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth, line, column);
            case '[':
                return ReadArray(depth, line, column);
            case '"':
                return JsonValue.Create(JsonKind.String, ReadString(), line, column);
            case 't':
                ExpectWord("true");
                return JsonValue.Create(JsonKind.Bool, true, line, column);
            case 'f':
                ExpectWord("false");
                return JsonValue.Create(JsonKind.Bool, false, line, column);
            case 'n':
                ExpectWord("null");
                return JsonValue.Create(JsonKind.Null, null, line, column);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return JsonValue.Create(JsonKind.Number, ReadNumber(), line, column);
                }

                throw Error($"unexpected character '{c}'");
        }
    }

    private JsonValue ReadObject(int depth, int line, int column)
    {
        var properties = new List<KeyValuePair<string, JsonValue>>();
        _position++; // {
        SkipWhitespaceAndComments();
        if (TryConsume('}'))
        {
            return JsonValue.Create(JsonKind.Object, properties, line, column);
        }

        while (true)
        {
            SkipWhitespaceAndComments();
            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            string name = ReadString();
            SkipWhitespaceAndComments();
            if (!TryConsume(':'))
            {
                throw Error("expected ':' after the property name");
            }

            SkipWhitespaceAndComments();
            properties.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
            SkipWhitespaceAndComments();
            if (TryConsume('}'))
            {
                return JsonValue.Create(JsonKind.Object, properties, line, column);
            }

            if (!TryConsume(','))
            {
                throw Error("expected ',' or '}' in the object");
            }

            SkipWhitespaceAndComments();
            if (_trailingCommas && TryConsume('}'))
            {
                return JsonValue.Create(JsonKind.Object, properties, line, column);
            }
        }
    }

    private JsonValue ReadArray(int depth, int line, int column)
    {
        var items = new List<JsonValue>();
        _position++; // [
        SkipWhitespaceAndComments();
        if (TryConsume(']'))
        {
            return JsonValue.Create(JsonKind.Array, items, line, column);
        }

        while (true)
        {
            SkipWhitespaceAndComments();
            items.Add(ReadValue(depth + 1));
            SkipWhitespaceAndComments();
            if (TryConsume(']'))
            {
                return JsonValue.Create(JsonKind.Array, items, line, column);
            }

            if (!TryConsume(','))
            {
                throw Error("expected ',' or ']' in the array");
            }

            SkipWhitespaceAndComments();
            if (_trailingCommas && TryConsume(']'))
            {
                return JsonValue.Create(JsonKind.Array, items, line, column);
            }
        }
    }

    private string ReadString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("control character in a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                throw Error("unterminated escape sequence");
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"invalid escape '\\{escape}'");
            }
        }
    }

    /// <summary>RFC 8259 numbers only: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? (so no "01", "1.", ".5", "1.e3" or "+1").</summary>
    private double ReadNumber()
    {
        int start = _position;
        Optional('-');
        if (!Optional('0') && Digits() == 0)
        {
            throw InvalidNumber(start); // a leading zero stands alone; otherwise digits are required
        }

        if (Optional('.') && Digits() == 0)
        {
            throw InvalidNumber(start);
        }

        if (Optional('e') || Optional('E'))
        {
            _ = Optional('+') || Optional('-');
            if (Digits() == 0)
            {
                throw InvalidNumber(start);
            }
        }

        string token = _text.Substring(start, _position - start);
        if (!double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double number)
            || double.IsInfinity(number))
        {
            throw InvalidNumber(start);
        }

        return number;

        bool Optional(char c)
        {
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        int Digits()
        {
            int from = _position;
            while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
            {
                _position++;
            }

            return _position - from;
        }
    }

    private JsonReaderException InvalidNumber(int start)
    {
        int end = _position;
        while (end < _text.Length && "0123456789.eE+-".IndexOf(_text[end]) >= 0)
        {
            end++;
        }

        string token = _text.Substring(start, end - start);
        _position = start;
        return Error($"invalid number '{token}'");
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error($"expected '{word}'");
        }

        _position += word.Length;
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                int end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("unterminated comment");
                }

                for (int i = _position; i < end; i++)
                {
                    if (_text[i] == '\n')
                    {
                        _line++;
                        _lineStart = i + 1;
                    }
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }
}

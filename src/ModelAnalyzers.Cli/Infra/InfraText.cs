using System.Text;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// The cursor both infrastructure readers move over a file's text: white space, comments, quoted strings (an
/// interpolated one is an expression, its value not known from the text) and errors that name the line.
/// </summary>
internal abstract class InfraText
{
    protected InfraText(string text, bool hashComments)
    {
        Text = text;
        _hashComments = hashComments;
    }

    private readonly bool _hashComments;

    protected string Text { get; }

    protected int At { get; set; }

    protected char Peek() => At < Text.Length ? Text[At] : '\0';

    /// <summary>Skips spaces and tabs on the line; false at the end of the text.</summary>
    protected bool SkipSpaces()
    {
        while (At < Text.Length && Text[At] is ' ' or '\t' or '\r')
        {
            At++;
        }

        return At < Text.Length;
    }

    /// <summary>Skips white space, line breaks and comments (// and /* */, and # where the language has it); false at the end.</summary>
    protected bool SkipTrivia()
    {
        while (At < Text.Length)
        {
            char c = Text[At];
            if (char.IsWhiteSpace(c))
            {
                At++;
            }
            else if ((c == '#' && _hashComments) || (c == '/' && At + 1 < Text.Length && Text[At + 1] == '/'))
            {
                SkipLine();
            }
            else if (c == '/' && At + 1 < Text.Length && Text[At + 1] == '*')
            {
                int end = Text.IndexOf("*/", At + 2, StringComparison.Ordinal);
                At = end < 0 ? Text.Length : end + 2;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    protected void SkipLine()
    {
        while (At < Text.Length && Text[At] != '\n')
        {
            At++;
        }
    }

    /// <summary>A string between <paramref name="quote"/>s on one line, with backslash escapes; <c>${</c> (and <c>%{</c> in HCL) makes it an expression.</summary>
    protected BicepNode Quoted(char quote)
    {
        int start = At;
        At++;
        var value = new StringBuilder();
        bool interpolated = false;
        while (At < Text.Length && Text[At] != quote)
        {
            char c = Text[At];
            if (c == '\n')
            {
                throw Error("a string is not closed on its line");
            }

            if (c == '\\' && At + 1 < Text.Length)
            {
                At++;
                value.Append(Text[At] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                interpolated |= (c == '$' || (c == '%' && _hashComments)) && At + 1 < Text.Length && Text[At + 1] == '{';
                value.Append(c);
            }

            At++;
        }

        if (At >= Text.Length)
        {
            throw Error("a string is not closed");
        }

        At++;
        return new BicepNode { Kind = interpolated ? BicepNodeKind.Expression : BicepNodeKind.String, Text = value.ToString(), Offset = start, Length = At - start };
    }

    protected FormatException Error(string what)
    {
        int line = 1;
        for (int i = 0; i < Math.Min(At, Text.Length); i++)
        {
            line += Text[i] == '\n' ? 1 : 0;
        }

        return new FormatException($"line {line}: {what}");
    }
}

using System.Text;

namespace ModelAnalyzers.Cli;

/// <summary>A user's file read with the encoding its byte order mark says (UTF-8 without one), so --fix writes it back in the same encoding.</summary>
internal static class TextFile
{
    public static (string Text, Encoding Encoding) Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true);
        string text = reader.ReadToEnd();
        return (text, reader.CurrentEncoding);
    }
}

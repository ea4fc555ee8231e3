using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

internal static class AdditionalFileLocation
{
    /// <summary>A zero-width location at a 1-based line and column of an additional file, clamped into the text.</summary>
    public static Location At(string path, SourceText text, int oneBasedLine, int oneBasedColumn) =>
        Create(path, text, new TextSpan(Position(text, oneBasedLine, oneBasedColumn), 0));

    /// <summary>The JSON string token (quotes included) that starts at a 1-based line and column: what a fix replaces.</summary>
    public static Location OfJsonString(string path, SourceText text, int oneBasedLine, int oneBasedColumn)
    {
        int start = Position(text, oneBasedLine, oneBasedColumn);
        int end = start;
        if (end < text.Length && text[end] == '"')
        {
            for (end++; end < text.Length && text[end] != '"' && text[end] != '\n'; end++)
            {
                if (text[end] == '\\')
                {
                    end++; // an escape: the next character cannot close the string
                }
            }

            end = Math.Min(end + 1, text.Length);
        }

        return Create(path, text, TextSpan.FromBounds(start, end));
    }

    private static int Position(SourceText text, int oneBasedLine, int oneBasedColumn)
    {
        int line = Math.Min(Math.Max(oneBasedLine - 1, 0), text.Lines.Count - 1);
        return Math.Min(text.Lines[line].Start + Math.Max(oneBasedColumn - 1, 0), text.Lines[line].End);
    }

    private static Location Create(string path, SourceText text, TextSpan span) =>
        Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
}

using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Analysis;

internal static class AdditionalFileLocation
{
    /// <summary>A zero-width location at a 1-based line and column of an additional file, clamped into the text.</summary>
    public static Location At(string path, SourceText text, int oneBasedLine, int oneBasedColumn)
    {
        int line = Math.Min(Math.Max(oneBasedLine - 1, 0), text.Lines.Count - 1);
        int position = Math.Min(text.Lines[line].Start + Math.Max(oneBasedColumn - 1, 0), text.Lines[line].End);
        var span = new TextSpan(position, 0);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }
}

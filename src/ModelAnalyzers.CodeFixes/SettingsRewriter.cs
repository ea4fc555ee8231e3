using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// Swaps values in settings and prompt files in place, in the form they are written (a JSON or YAML double-quoted
/// string, a YAML single-quoted or plain scalar): every other byte of the file (comments, layout) stays as it was.
/// </summary>
internal static class SettingsRewriter
{
    public static SourceText Rewrite(SourceText text, IEnumerable<(Diagnostic Diagnostic, string Target)> edits)
    {
        var changes = new List<TextChange>();
        foreach (var (diagnostic, target) in edits)
        {
            var span = diagnostic.Location.SourceSpan;
            if (FixData.ReadModel(diagnostic.Properties) is not { } model || span.End > text.Length
                || Written(text.ToString(span), model, target) is not { } replacement)
            {
                continue; // the file changed since analysis: leave it
            }

            changes.Add(new TextChange(span, replacement));
        }

        return text.WithChanges(changes.GroupBy(c => c.Span).Select(g => g.First()));
    }

    /// <summary>The target in the form the model is written, or null when the text no longer holds the model.</summary>
    private static string? Written(string current, string? model, string target) =>
        current == "\"" + model + "\"" ? "\"" + target + "\""
        : current == "'" + model + "'" ? "'" + target + "'"
        : current == model ? target
        : null;
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.CodeFixes;

/// <summary>Swaps JSON string values in place: every other byte of the file (comments, layout) stays as it was.</summary>
internal static class SettingsRewriter
{
    public static SourceText Rewrite(SourceText text, IEnumerable<(Diagnostic Diagnostic, string Target)> edits)
    {
        var changes = new List<TextChange>();
        foreach (var (diagnostic, target) in edits)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Properties.TryGetValue(FixData.ModelKey, out var model) || span.End > text.Length
                || text.ToString(span) != "\"" + model + "\"")
            {
                continue; // the file changed since analysis: leave it
            }

            changes.Add(new TextChange(span, "\"" + target + "\""));
        }

        return text.WithChanges(changes.GroupBy(c => c.Span).Select(g => g.First()));
    }
}

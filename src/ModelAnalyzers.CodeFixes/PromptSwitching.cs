using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// The prompt-file half of switching safety: when a fix moves a prompt's model, each parameter of that prompt or
/// execution-settings section that the new model rejects is mended as in C# (max_tokens renamed to
/// max_completion_tokens, an output limit lowered, a YAML line the model rejects removed), so the switch never leaves a
/// request that fails. Sections whose model the fix did not change are left as they are.
/// </summary>
internal static class PromptSwitching
{
    public static SourceText Mend(string path, SourceText before, SourceText after, ModelCatalog catalog)
    {
        if (!PromptFiles.IsPromptPath(path))
        {
            return after;
        }

        var modelsBefore = new Dictionary<string, string?>();
        foreach (var parameter in PromptFiles.FindParameters(path, before))
        {
            modelsBefore[parameter.Path] = parameter.Model;
        }

        bool json = path.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase);
        var changes = new List<TextChange>();
        foreach (var parameter in PromptFiles.FindParameters(path, after))
        {
            if ((modelsBefore.TryGetValue(parameter.Path, out var old) && old == parameter.Model) || parameter.Model is null || catalog.Find(parameter.Model) is not { } model)
            {
                continue;
            }

            var (value, effort) = PromptFiles.ValueOf(parameter);
            foreach (var option in PromptFiles.OptionsOf(parameter))
            {
                if (OptionJudge.Judge(model, option, value, effort) is not { } finding)
                {
                    continue;
                }

                var line = after.Lines.GetLineFromPosition(parameter.Span.Start);
                string lineText = after.ToString(line.Span);
                int key = lineText.LastIndexOf(parameter.Name, parameter.Span.Start - line.Start, System.StringComparison.Ordinal);
                switch (finding.Fix)
                {
                    case OptionFix.Rename when key >= 0 && finding.FixValue is { } renamed:
                        changes.Add(new TextChange(new TextSpan(line.Start + key, parameter.Name.Length), renamed));
                        break;
                    case OptionFix.Lower when finding.FixValue is { } limit:
                        changes.Add(new TextChange(parameter.Span, limit));
                        break;
                    case OptionFix.Remove when !json:
                        changes.Add(new TextChange(line.SpanIncludingLineBreak, ""));
                        break;
                }

                break;
            }
        }

        return changes.Count == 0 ? after : after.WithChanges(changes);
    }
}

using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>
/// Prompt files that name their model by schema, so their values are models whatever they hold: a <c>.prompty</c>'s
/// front matter (<c>model.configuration</c> name, model or azure_deployment), and Semantic Kernel prompt configurations
/// (<c>config.json</c> beside <c>skprompt.txt</c>, prompt YAML) with <c>execution_settings.&lt;service&gt;.model_id</c>.
/// </summary>
internal static class PromptFiles
{
    public static bool IsPromptPath(string path) =>
        path.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || string.Equals(System.IO.Path.GetFileName(path), "config.json", StringComparison.OrdinalIgnoreCase);

    public static List<PromptValue> FindModels(string path, SourceText text)
    {
        var found = new List<PromptValue>();
        if (path.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase))
        {
            var (first, end) = YamlScalars.FrontMatter(text);
            foreach (var scalar in YamlScalars.Read(text, first, end))
            {
                if (PromptyKind(scalar.Path) is { } isDeployment && scalar.Value.Length > 0 && !scalar.Value.StartsWith("${", StringComparison.Ordinal))
                {
                    found.Add(new PromptValue(scalar.Value, scalar.Span, isDeployment));
                }
            }
        }
        else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var setting in AppSettingsScanner.StringValues(text.ToString()))
            {
                if (IsExecutionModel(setting.Path))
                {
                    var location = AdditionalFileLocation.OfJsonString(path, text, setting.Line, setting.Column);
                    found.Add(new PromptValue(setting.Value, location.SourceSpan, false));
                }
            }
        }
        else
        {
            foreach (var scalar in YamlScalars.Read(text))
            {
                if (IsExecutionModel(scalar.Path) && scalar.Value.Length > 0)
                {
                    found.Add(new PromptValue(scalar.Value, scalar.Span, false));
                }
            }
        }

        return found;
    }

    /// <summary>null: not a model key; false: a model id; true: an Azure deployment name.</summary>
    private static bool? PromptyKind(string path) => path.ToLowerInvariant() switch
    {
        "model:configuration:name" or "model:configuration:model" or "model:configuration:model_id" => false,
        "model:configuration:azure_deployment" => true,
        _ => null,
    };

    // execution_settings:default:model_id, execution_settings:azure:model_id
    private static bool IsExecutionModel(string path)
    {
        string[] parts = path.Split(':');
        return parts.Length == 3 && string.Equals(parts[0], "execution_settings", StringComparison.OrdinalIgnoreCase)
            && string.Equals(parts[2], "model_id", StringComparison.OrdinalIgnoreCase);
    }
}

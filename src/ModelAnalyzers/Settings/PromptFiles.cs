using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Requests;
using ModelAnalyzers.Sites;

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

    /// <summary>
    /// Where a prompt file cannot be read, and why: a .prompty whose front matter is opened by "---" and never closed
    /// (a file cut off), or a Semantic Kernel config.json that is not JSON. Other YAML is not ours to judge.
    /// </summary>
    public static (int Line, int Column, string Message)? Problem(string path, SourceText text)
    {
        if (path.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase))
        {
            return text.Lines.Count > 0 && text.ToString(text.Lines[0].Span).Trim() == "---" && YamlScalars.FrontMatter(text) == (0, 0)
                ? (1, 1, "the front matter opened on line 1 is not closed by a '---' line")
                : null;
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            AppSettingsScanner.StringValues(text.ToString(), out var problem);
            return problem is null ? null : (problem.Line, problem.Column, "invalid JSON: " + problem.Message);
        }

        return null;
    }

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

    /// <summary>
    /// The request parameters a prompt file sets, each with its section's model: a prompty's <c>model.parameters</c>,
    /// and each <c>execution_settings.&lt;service&gt;</c> of a Semantic Kernel prompt (beside its model_id).
    /// </summary>
    public static List<PromptParameter> FindParameters(string path, SourceText text)
    {
        var scalars = new List<(string Path, string Value, TextSpan Span)>();
        if (path.EndsWith(".prompty", StringComparison.OrdinalIgnoreCase))
        {
            var (first, end) = YamlScalars.FrontMatter(text);
            scalars.AddRange(YamlScalars.Read(text, first, end).Select(s => (s.Path, s.Value, s.Span)));
        }
        else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var setting in AppSettingsScanner.StringValues(text.ToString()))
            {
                scalars.Add((setting.Path, setting.Value, AdditionalFileLocation.OfJsonString(path, text, setting.Line, setting.Column).SourceSpan));
            }

            scalars.AddRange(NumbersOf(path, text));
        }
        else
        {
            scalars.AddRange(YamlScalars.Read(text).Select(s => (s.Path, s.Value, s.Span)));
        }

        // Sections: "model:parameters" (its model in model:configuration) or "execution_settings:<service>".
        var found = new List<PromptParameter>();
        foreach (var (scalarPath, value, span) in scalars)
        {
            int last = scalarPath.LastIndexOf(':');
            if (last < 0)
            {
                continue;
            }

            string section = scalarPath.Substring(0, last);
            string name = scalarPath.Substring(last + 1).ToLowerInvariant();
            string? model = string.Equals(section, "model:parameters", StringComparison.OrdinalIgnoreCase)
                ? FirstValue(scalars, "model:configuration:name", "model:configuration:model", "model:configuration:model_id", "model:configuration:azure_deployment")
                : IsExecutionSection(section) ? FirstValue(scalars, section + ":model_id") : null;
            if (model is null || name is "model_id" or "service_id")
            {
                continue;
            }

            found.Add(new PromptParameter(name, value, span, scalarPath.Replace(':', '.'), model, FirstValue(scalars, section + ":reasoning_effort")));
        }

        return found;
    }

    /// <summary>How MDL0004 judges a prompt file's parameter: a rejected parameter, an output limit, a reasoning effort.</summary>
    public static IEnumerable<RequestOption> OptionsOf(PromptParameter parameter) => parameter.Name switch
    {
        "max_tokens" => new[]
        {
            new RequestOption("", "", parameter.Path, OptionRole.Parameter, "max_tokens", "max_completion_tokens"),
            new RequestOption("", "", parameter.Path, OptionRole.OutputLimit),
        },
        "max_completion_tokens" or "max_output_tokens" => new[] { new RequestOption("", "", parameter.Path, OptionRole.OutputLimit) },
        "reasoning_effort" => new[] { new RequestOption("", "", parameter.Path, OptionRole.ReasoningEffort) },
        _ => new[] { new RequestOption("", "", parameter.Path, OptionRole.Parameter, parameter.Name) },
    };

    /// <summary>What a prompt file's parameter sets, and the reasoning effort of its section.</summary>
    public static (OptionValue Value, EffortSetting Effort) ValueOf(PromptParameter parameter)
    {
        var effort = parameter.Effort is not { } level ? EffortSetting.Absent
            : string.Equals(level, "none", StringComparison.OrdinalIgnoreCase) ? EffortSetting.None : EffortSetting.Other;
        double? number = double.TryParse(parameter.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) ? parsed : null;
        bool isSet = parameter.Name == "temperature" ? number is double t && t != 1 : parameter.Value.Length > 0 && parameter.Value is not ("null" or "false" or "~");
        return (new OptionValue(number, isSet, parameter.Name == "reasoning_effort" ? parameter.Value.ToLowerInvariant() : null), effort);
    }

    private static bool IsExecutionSection(string section)
    {
        string[] parts = section.Split(':');
        return parts.Length == 2 && string.Equals(parts[0], "execution_settings", StringComparison.OrdinalIgnoreCase);
    }

    private static string? FirstValue(List<(string Path, string Value, TextSpan Span)> scalars, params string[] paths)
    {
        foreach (string path in paths)
        {
            foreach (var scalar in scalars)
            {
                if (string.Equals(scalar.Path, path, StringComparison.OrdinalIgnoreCase) && scalar.Value.Length > 0 && !scalar.Value.StartsWith("${", StringComparison.Ordinal))
                {
                    return scalar.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The number and boolean values of a JSON file (the string reader skips them), with their spans.</summary>
    private static IEnumerable<(string Path, string Value, TextSpan Span)> NumbersOf(string path, SourceText text)
    {
        var found = new List<(string, string, TextSpan)>();
        try
        {
            Collect(Catalog.JsonReader.Parse(text.ToString()), "", text, found, 0);
        }
        catch (Catalog.JsonReaderException)
        {
            found.Clear();
        }

        return found;
    }

    private static void Collect(Catalog.JsonValue value, string path, SourceText text, List<(string, string, TextSpan)> found, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (value.Kind)
        {
            case Catalog.JsonKind.Number or Catalog.JsonKind.Bool:
                var at = AdditionalFileLocation.At("", text, value.Line, value.Column).SourceSpan.Start;
                int end = at;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-' or '+'))
                {
                    end++;
                }

                found.Add((path, text.ToString(TextSpan.FromBounds(at, end)), TextSpan.FromBounds(at, end)));
                break;
            case Catalog.JsonKind.Object:
                foreach (var property in value.Properties)
                {
                    Collect(property.Value, path.Length == 0 ? property.Key : path + ":" + property.Key, text, found, depth + 1);
                }

                break;
        }
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

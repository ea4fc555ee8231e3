using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Settings;

/// <summary>
/// Reads appsettings*.json AdditionalFiles. A file that is not valid JSON is skipped silently: it is the
/// application's configuration, and the build or the app reports it better than an analyzer could.
/// </summary>
internal static class AppSettingsScanner
{
    /// <summary>Item metadata that makes any JSON AdditionalFile a settings file: &lt;AdditionalFiles Include="x.json" ModelAnalyzersSettings="true" /&gt;.</summary>
    public const string SettingsMetadata = "build_metadata.AdditionalFiles.ModelAnalyzersSettings";

    /// <summary>appsettings*.json (added by the package), or a JSON file the project marked as settings.</summary>
    public static bool IsSettingsFile(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        IsAppSettingsPath(file.Path)
        || (options.GetOptions(file).TryGetValue(SettingsMetadata, out var marked) && string.Equals(marked?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>appsettings*.json, and launchSettings.json, whose profiles' environmentVariables set the same keys (AI__ChatModel, OPENAI_MODEL).</summary>
    public static bool IsAppSettingsPath(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        return (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            || string.Equals(name, "launchSettings.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Hard-coded OpenAI keys under an ApiKey-like name (ApiKey, OpenAIApiKey, api_key, Key, SecretKey).</summary>
    public static IEnumerable<SettingValue> FindApiKeys(string json)
    {
        foreach (var setting in StringValues(json))
        {
            if (IsKeyName(setting.Key) && ApiKeyDetector.IsLikelyKey(setting.Value))
            {
                yield return setting;
            }
        }
    }

    /// <summary>
    /// A key that names a model (Model, ModelId, ModelName, ChatModel, EmbeddingModel, DeploymentName, or any key ending
    /// in Model/ModelId, any case): its value is judged when the whole value is a known id. Free text that mentions a
    /// model ("Use gpt-4 for summaries") is not a model setting.
    /// </summary>
    public static bool IsModelKey(string key)
    {
        string name = key.Replace("_", "").Replace("-", "").ToLowerInvariant();
        return name.EndsWith("model", StringComparison.Ordinal) || name.EndsWith("modelid", StringComparison.Ordinal)
            || name is "modelname" or "deploymentname" or "deployment";
    }

    public static IReadOnlyList<SettingValue> StringValues(string json) => StringValues(json, out _);

    /// <summary>Every string value of a settings file; none, and where it breaks, when it is not JSON.</summary>
    public static IReadOnlyList<SettingValue> StringValues(string json, out JsonReaderException? problem)
    {
        var values = new List<SettingValue>();
        problem = null;
        try
        {
            Collect(JsonReader.Parse(json, trailingCommas: true), "", "", values);
        }
        catch (JsonReaderException e)
        {
            values.Clear();
            problem = e;
        }

        return values;
    }

    private static void Collect(JsonValue value, string key, string path, List<SettingValue> values)
    {
        switch (value.Kind)
        {
            case JsonKind.String:
                values.Add(new SettingValue(key, value.AsString!, value.Line, value.Column, ConfigurationPath(path)));
                break;
            case JsonKind.Object:
                foreach (var property in value.Properties)
                {
                    Collect(property.Value, property.Key, path.Length == 0 ? property.Key : path + ":" + property.Key, values);
                }

                break;
            case JsonKind.Array:
                int index = 0;
                foreach (var item in value.Items)
                {
                    Collect(item, key, path + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), values);
                    index++;
                }

                break;
        }
    }

    /// <summary>
    /// The configuration key a JSON path sets: the path itself in appsettings; under a launchSettings profile's
    /// environmentVariables, the variable's name, whose <c>__</c> the environment configuration provider reads as <c>:</c>.
    /// </summary>
    private static string ConfigurationPath(string path)
    {
        const string Environment = ":environmentVariables:";
        int at = path.IndexOf(Environment, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && path.StartsWith("profiles:", StringComparison.OrdinalIgnoreCase)
            ? EnvironmentKey(path.Substring(at + Environment.Length))
            : path;
    }

    /// <summary>An environment variable's configuration key: Ai__ChatModel is Ai:ChatModel.</summary>
    public static string EnvironmentKey(string name) => name.Replace("__", ":");

    private static bool IsKeyName(string key)
    {
        string name = key.Replace("_", "").Replace("-", "").ToLowerInvariant();
        return name.EndsWith("apikey", StringComparison.Ordinal) || name is "key" or "secretkey" or "openaikey";
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// The model facts the rules judge by. The built-in catalog is an embedded JSON resource
/// (generated from the project's sourced reference table), parsed once per process.
/// </summary>
internal sealed class ModelCatalog
{
    private static readonly Lazy<ModelCatalog> BuiltInCatalog = new(LoadBuiltIn);
    private readonly Dictionary<string, ModelInfo> _byId;

    private ModelCatalog(DateTime asOf, List<ModelInfo> models)
    {
        AsOf = asOf;
        Models = models;
        _byId = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            _byId[model.Id] = model;
        }
    }

    public static ModelCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>The date the catalog's facts were last checked.</summary>
    public DateTime AsOf { get; }

    public IReadOnlyList<ModelInfo> Models { get; }

    public ModelInfo? Find(string id) => _byId.TryGetValue(id, out var model) ? model : null;

    public static ModelCatalog Parse(string json)
    {
        var root = JsonReader.Parse(json);
        var asOf = ParseDate(root["asOf"]) ?? throw new InvalidDataException("the catalog has no valid 'asOf' date");
        var models = new List<ModelInfo>();
        foreach (var item in root["models"]?.Items ?? Array.Empty<JsonValue>())
        {
            string? id = item["id"]?.AsString;
            string? kind = item["kind"]?.AsString;
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(kind))
            {
                throw new InvalidDataException($"catalog entry at line {item.Line} has no id or kind");
            }

            models.Add(new ModelInfo(id!, kind!)
            {
                InputPer1M = item["inputPer1M"]?.AsNumber,
                CachedInputPer1M = item["cachedInputPer1M"]?.AsNumber,
                OutputPer1M = item["outputPer1M"]?.AsNumber,
                ContextWindow = (long?)item["contextWindow"]?.AsNumber,
                MaxOutput = (long?)item["maxOutput"]?.AsNumber,
                Reasoning = item["reasoning"]?.AsBool,
                Vision = item["vision"]?.AsBool,
                Tools = item["tools"]?.AsBool,
                StructuredOutputs = item["structuredOutputs"]?.AsBool,
                SnapshotOf = item["snapshotOf"]?.AsString,
                DeprecatedOn = ParseDate(item["deprecatedOn"]),
                Deprecated = item["deprecated"]?.AsBool ?? false,
                ShutdownOn = ParseDate(item["shutdownOn"]),
                Replacement = item["replacement"]?.AsString,
                ReplacementNote = item["replacementNote"]?.AsString,
                Source = item["source"]?.AsString ?? "",
            });
        }

        return new ModelCatalog(asOf, models);
    }

    /// <summary>Parses yyyy-MM-dd, the only date form the catalog and the options accept.</summary>
    public static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string FormatDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime? ParseDate(JsonValue? value) => ParseDate(value?.AsString);

    private static ModelCatalog LoadBuiltIn()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("ModelAnalyzers.Catalog.models.json")
            ?? throw new InvalidOperationException("the embedded model catalog is missing from the analyzer assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

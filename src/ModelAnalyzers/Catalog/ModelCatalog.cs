using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// The model facts the rules judge by. The built-in catalog is an embedded JSON resource
/// (generated from the project's sourced reference table), parsed once per process.
/// </summary>
internal sealed class ModelCatalog
{
    private static readonly Lazy<ModelCatalog> BuiltInCatalog = new(LoadBuiltIn);
    private readonly Dictionary<string, ModelInfo> _byId;

    internal ModelCatalog(DateTime asOf, List<ModelInfo> models, IReadOnlyDictionary<string, DeploymentTarget>? deployments = null, AzureCatalog? azure = null)
    {
        AsOf = asOf;
        Models = models;
        Deployments = deployments ?? new Dictionary<string, DeploymentTarget>(StringComparer.Ordinal);
        _azure = azure;
        _byId = new Dictionary<string, ModelInfo>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            _byId[model.Id] = model;
            _hasSchedule |= model.PriceSchedule.Count > 0;
        }
    }

    public static ModelCatalog BuiltIn => BuiltInCatalog.Value;

    /// <summary>The date the catalog's facts were last checked.</summary>
    public DateTime AsOf { get; }

    public IReadOnlyList<ModelInfo> Models { get; }

    /// <summary>Deployment names (Azure, gateways) mapped by an overlay to the model they run.</summary>
    public IReadOnlyDictionary<string, DeploymentTarget> Deployments { get; }

    private readonly AzureCatalog? _azure;

    /// <summary>Azure's models and their retirement per version: the built-in data, with an overlay's newer schedule rows applied.</summary>
    public AzureCatalog Azure => _azure ?? AzureCatalog.BuiltIn;

    public ModelInfo? Find(string id) => _byId.TryGetValue(id, out var model) ? model : null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateTime, ModelCatalog> _byDate = new();
    private readonly bool _hasSchedule;

    /// <summary>
    /// The catalog with the prices in force on <paramref name="date"/> (an overlay's dated prices); this catalog itself
    /// when no model has a scheduled price. Built once per date.
    /// </summary>
    public ModelCatalog At(DateTime date)
    {
        return !_hasSchedule ? this : _byDate.GetOrAdd(date, d => new ModelCatalog(AsOf, Models.Select(m => m.At(d)).ToList(), Deployments, _azure));
    }

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

            var model = new ModelInfo(id!, kind!);
            foreach (var property in item.Properties.Where(p => p.Key is not ("id" or "kind")))
            {
                (model, string? error) = CatalogFields.Set(model, property.Key, property.Value);
                if (error is not null)
                {
                    throw new InvalidDataException($"catalog entry '{id}': {error}");
                }
            }

            models.Add(model);
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

    public static readonly string[] Kinds = { "chat", "reasoning", "embedding", "image", "audio", "moderation", "video", "completion-legacy" };

    private static ModelCatalog LoadBuiltIn()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("ModelAnalyzers.Catalog.models.json")
            ?? throw new InvalidOperationException("the embedded model catalog is missing from the analyzer assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

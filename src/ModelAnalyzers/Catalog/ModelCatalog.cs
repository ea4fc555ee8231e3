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
            foreach (var property in item.Properties)
            {
                if (property.Key is not ("id" or "kind") && TrySetField(model, property.Key, property.Value) is string error)
                {
                    throw new InvalidDataException($"catalog entry '{id}': {error}");
                }
            }

            models.Add(model);
        }

        return new ModelCatalog(asOf, models);
    }

    /// <summary>The fields a catalog entry (or an overlay entry) may set, besides id and kind.</summary>
    internal static readonly string[] FieldNames =
    {
        "inputPer1M", "cachedInputPer1M", "outputPer1M", "contextWindow", "maxOutput", "reasoning", "vision", "tools",
        "structuredOutputs", "snapshotOf", "deprecatedOn", "deprecated", "shutdownOn", "shutdownNotBefore", "replacement", "replacementNote", "source",
        "rejectedParameters", "acceptsNoReasoning", "reasoningOffByDefault", "parametersSource",
        "reasoningEfforts", "rejectedEfforts", "effortsSource",
        "tier", "tierSource", "released", "releasedSource", "task", "prices",
    };

    /// <summary>Sets one field from JSON; returns why the value does not fit, or null. null in JSON means unknown.</summary>
    internal static string? TrySetField(ModelInfo model, string name, JsonValue value)
    {
        bool isNull = value.Kind == JsonKind.Null;
        switch (name)
        {
            case "inputPer1M": return Number(v => model.InputPer1M = v);
            case "cachedInputPer1M": return Number(v => model.CachedInputPer1M = v);
            case "outputPer1M": return Number(v => model.OutputPer1M = v);
            case "contextWindow": return Number(v => model.ContextWindow = (long?)v);
            case "maxOutput": return Number(v => model.MaxOutput = (long?)v);
            case "reasoning": return Flag(v => model.Reasoning = v);
            case "vision": return Flag(v => model.Vision = v);
            case "tools": return Flag(v => model.Tools = v);
            case "structuredOutputs": return Flag(v => model.StructuredOutputs = v);
            case "deprecated": return Flag(v => model.Deprecated = v ?? false);
            case "snapshotOf": return Text(v => model.SnapshotOf = v);
            case "replacement": return Text(v => model.Replacement = v);
            case "replacementNote": return Text(v => model.ReplacementNote = v);
            case "source": return Text(v => model.Source = v ?? "");
            case "parametersSource": return Text(v => model.ParametersSource = v);
            case "acceptsNoReasoning": return Flag(v => model.AcceptsNoReasoning = v);
            case "reasoningOffByDefault": return Flag(v => model.ReasoningOffByDefault = v);
            case "rejectedParameters": return TextList(v => model.RejectedParameters = v);
            case "reasoningEfforts": return TextList(v => model.ReasoningEfforts = v);
            case "rejectedEfforts": return TextList(v => model.RejectedEfforts = v);
            case "effortsSource": return Text(v => model.EffortsSource = v);
            case "deprecatedOn": return Date(v => model.DeprecatedOn = v);
            case "shutdownOn": return Date(v => model.ShutdownOn = v);
            case "shutdownNotBefore": return Date(v => model.ShutdownNotBefore = v);
            case "released": return Date(v => model.Released = v);
            case "tierSource": return Text(v => model.TierSource = v);
            case "releasedSource": return Text(v => model.ReleasedSource = v);
            case "task": return Text(v => model.Task = v);
            case "prices": return Schedule();
            case "tier":
                if (!isNull && ModelInfo.ParseTier(value.AsString) is null)
                {
                    return "'tier' must be \"entry\", \"mid\", \"flagship\", \"top\" or null";
                }

                model.Tier = ModelInfo.ParseTier(value.AsString);
                return null;
            default: return $"unknown property '{name}' (expected one of: id, kind, {string.Join(", ", FieldNames)})";
        }

        string? Number(Action<double?> set)
        {
            // Infinity (1e400 in JSON) or an absurd value is a broken file, never a price or a limit.
            if (!isNull && (value.AsNumber is not double number || number < 0 || double.IsInfinity(number) || double.IsNaN(number) || number > 1e12))
            {
                return $"'{name}' must be a non-negative number (at most 1e12) or null";
            }

            set(value.AsNumber);
            return null;
        }

        string? Flag(Action<bool?> set)
        {
            if (!isNull && value.Kind != JsonKind.Bool)
            {
                return $"'{name}' must be true, false or null";
            }

            set(value.AsBool);
            return null;
        }

        string? Text(Action<string?> set)
        {
            if (!isNull && value.Kind != JsonKind.String)
            {
                return $"'{name}' must be a string or null";
            }

            set(value.AsString);
            return null;
        }

        string? TextList(Action<string[]> set)
        {
            if (!isNull && (value.Kind != JsonKind.Array || value.Items.Any(item => item.Kind != JsonKind.String)))
            {
                return $"'{name}' must be an array of strings or null";
            }

            set(value.Items.Select(item => item.AsString!).ToArray());
            return null;
        }

        // [{ "from": "2026-12-01", "inputPer1M": 5, "outputPer1M": 30 }, ...]: prices that start on a date.
        string? Schedule()
        {
            const string form = "'prices' must be an array of { \"from\": \"yyyy-MM-dd\", \"inputPer1M\", \"cachedInputPer1M\", \"outputPer1M\" } (non-negative numbers)";
            if (isNull)
            {
                model.PriceSchedule = Array.Empty<PricePeriod>();
                return null;
            }

            if (value.Kind != JsonKind.Array)
            {
                return form;
            }

            var periods = new List<PricePeriod>();
            foreach (var item in value.Items)
            {
                if (item.Kind != JsonKind.Object || ParseDate(item["from"]?.AsString) is not DateTime from
                    || item.Properties.Any(p => p.Key is not ("from" or "inputPer1M" or "cachedInputPer1M" or "outputPer1M")
                        || (p.Key != "from" && p.Value.Kind != JsonKind.Null && (p.Value.AsNumber is not double n || n < 0))))
                {
                    return form;
                }

                periods.Add(new PricePeriod(from, item["inputPer1M"]?.AsNumber, item["cachedInputPer1M"]?.AsNumber, item["outputPer1M"]?.AsNumber));
            }

            model.PriceSchedule = periods.OrderBy(p => p.From).ToArray();
            return null;
        }

        string? Date(Action<DateTime?> set)
        {
            var date = ParseDate(value.AsString);
            if (!isNull && date is null)
            {
                return $"'{name}' must be a date as \"yyyy-MM-dd\" or null";
            }

            set(date);
            return null;
        }
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

using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// The one table of a catalog entry's fields besides id and kind: its JSON name, the form its value must have, and
/// how it lands on a <see cref="ModelInfo"/>. The built-in catalog's reader, the overlay merge and their validation
/// all read it, so a field is added in one row. null in JSON means unknown.
/// </summary>
internal static class CatalogFields
{
    /// <summary>One field: applying a JSON value gives the entry with it set, or why the value does not fit.</summary>
    private sealed record Field(string Name, Func<ModelInfo, JsonValue, string, (ModelInfo? Model, string? Error)> Apply);

    private static readonly Field[] Table =
    {
        Number("inputPer1M", (m, v) => m with { InputPer1M = v }),
        Number("cachedInputPer1M", (m, v) => m with { CachedInputPer1M = v }),
        Number("outputPer1M", (m, v) => m with { OutputPer1M = v }),
        Number("contextWindow", (m, v) => m with { ContextWindow = (long?)v }),
        Number("maxOutput", (m, v) => m with { MaxOutput = (long?)v }),
        Flag("reasoning", (m, v) => m with { Reasoning = v }),
        Flag("vision", (m, v) => m with { Vision = v }),
        Flag("tools", (m, v) => m with { Tools = v }),
        Flag("structuredOutputs", (m, v) => m with { StructuredOutputs = v }),
        Text("snapshotOf", (m, v) => m with { SnapshotOf = v }),
        Date("deprecatedOn", (m, v) => m with { DeprecatedOn = v }),
        Flag("deprecated", (m, v) => m with { Deprecated = v ?? false }),
        Date("shutdownOn", (m, v) => m with { ShutdownOn = v }),
        Date("shutdownNotBefore", (m, v) => m with { ShutdownNotBefore = v }),
        Text("replacement", (m, v) => m with { Replacement = v }),
        Text("replacementNote", (m, v) => m with { ReplacementNote = v }),
        Text("source", (m, v) => m with { Source = v ?? "" }),
        TextList("rejectedParameters", (m, v) => m with { RejectedParameters = v }),
        Flag("acceptsNoReasoning", (m, v) => m with { AcceptsNoReasoning = v }),
        Flag("reasoningOffByDefault", (m, v) => m with { ReasoningOffByDefault = v }),
        Text("parametersSource", (m, v) => m with { ParametersSource = v }),
        TextList("reasoningEfforts", (m, v) => m with { ReasoningEfforts = v }),
        TextList("rejectedEfforts", (m, v) => m with { RejectedEfforts = v }),
        Text("effortsSource", (m, v) => m with { EffortsSource = v }),
        new("tier", Tier),
        Text("tierSource", (m, v) => m with { TierSource = v }),
        Date("released", (m, v) => m with { Released = v }),
        Text("releasedSource", (m, v) => m with { ReleasedSource = v }),
        Text("task", (m, v) => m with { Task = v }),
        new("prices", Prices),
    };

    private static readonly Dictionary<string, Field> ByName = Table.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The fields a catalog entry (or an overlay entry) may set besides id and kind, in the catalog's order.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(f => f.Name).ToArray();

    /// <summary>The entry with one field set from JSON, or why the name or value does not fit (the entry is then unchanged).</summary>
    public static (ModelInfo Model, string? Error) Set(ModelInfo model, string name, JsonValue value)
    {
        if (!ByName.TryGetValue(name, out var field))
        {
            return (model, $"unknown property '{name}' (expected one of: id, kind, {string.Join(", ", Names)})");
        }

        var (set, error) = field.Apply(model, value, name);
        return (set ?? model, error);
    }

    private static Field Number(string name, Func<ModelInfo, double?, ModelInfo> set) => new(name, (m, value, n) =>
        // Infinity (1e400 in JSON) or an absurd value is a broken file, never a price or a limit.
        value.Kind != JsonKind.Null && (value.AsNumber is not double number || number < 0 || double.IsInfinity(number) || double.IsNaN(number) || number > 1e12)
            ? (null, $"'{n}' must be a non-negative number (at most 1e12) or null")
            : (set(m, value.AsNumber), null));

    private static Field Flag(string name, Func<ModelInfo, bool?, ModelInfo> set) => new(name, (m, value, n) =>
        value.Kind is not (JsonKind.Null or JsonKind.Bool) ? (null, $"'{n}' must be true, false or null") : (set(m, value.AsBool), null));

    private static Field Text(string name, Func<ModelInfo, string?, ModelInfo> set) => new(name, (m, value, n) =>
        value.Kind is not (JsonKind.Null or JsonKind.String) ? (null, $"'{n}' must be a string or null") : (set(m, value.AsString), null));

    private static Field TextList(string name, Func<ModelInfo, string[], ModelInfo> set) => new(name, (m, value, n) =>
        value.Kind != JsonKind.Null && (value.Kind != JsonKind.Array || value.Items.Any(item => item.Kind != JsonKind.String))
            ? (null, $"'{n}' must be an array of strings or null")
            : (set(m, value.Items.Select(item => item.AsString!).ToArray()), null));

    private static Field Date(string name, Func<ModelInfo, DateTime?, ModelInfo> set) => new(name, (m, value, n) =>
        ModelCatalog.ParseDate(value.AsString) is var date && value.Kind != JsonKind.Null && date is null
            ? (null, $"'{n}' must be a date as \"yyyy-MM-dd\" or null")
            : (set(m, date), null));

    private static (ModelInfo?, string?) Tier(ModelInfo model, JsonValue value, string name) =>
        value.Kind != JsonKind.Null && ModelInfo.ParseTier(value.AsString) is null
            ? (null, "'tier' must be \"entry\", \"mid\", \"flagship\", \"top\" or null")
            : (model with { Tier = ModelInfo.ParseTier(value.AsString) }, null);

    // [{ "from": "2026-12-01", "inputPer1M": 5, "outputPer1M": 30 }, ...]: prices that start on a date.
    private static (ModelInfo?, string?) Prices(ModelInfo model, JsonValue value, string name)
    {
        const string Form = "'prices' must be an array of { \"from\": \"yyyy-MM-dd\", \"inputPer1M\", \"cachedInputPer1M\", \"outputPer1M\" } (non-negative numbers)";
        if (value.Kind == JsonKind.Null)
        {
            return (model with { PriceSchedule = Array.Empty<PricePeriod>() }, null);
        }

        if (value.Kind != JsonKind.Array)
        {
            return (null, Form);
        }

        var periods = new List<PricePeriod>();
        foreach (var item in value.Items)
        {
            if (item.Kind != JsonKind.Object || ModelCatalog.ParseDate(item["from"]?.AsString) is not DateTime from
                || item.Properties.Any(p => p.Key is not ("from" or "inputPer1M" or "cachedInputPer1M" or "outputPer1M")
                    || (p.Key != "from" && p.Value.Kind != JsonKind.Null && (p.Value.AsNumber is not double n || n < 0))))
            {
                return (null, Form);
            }

            periods.Add(new PricePeriod(from, item["inputPer1M"]?.AsNumber, item["cachedInputPer1M"]?.AsNumber, item["outputPer1M"]?.AsNumber));
        }

        return (model with { PriceSchedule = periods.OrderBy(p => p.From).ToArray() }, null);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The embedded data's invariants, checked on the JSON files as shipped: a bad edit to models.json or
/// azure-models.json fails here, not in a user's build.
/// </summary>
public class CatalogInvariantTests
{
    private static readonly string[] DateFields = { "deprecatedOn", "shutdownOn", "shutdownNotBefore", "released" };
    private static readonly string[] PriceFields = { "inputPer1M", "cachedInputPer1M", "outputPer1M" };
    private static readonly HashSet<string> EffortWords = new(StringComparer.Ordinal) { "none", "minimal", "low", "medium", "high", "xhigh", "max" };

    private static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(path)))!.AsObject();

    /// <summary>Every broken invariant of a models.json document, one line each; empty when it holds.</summary>
    internal static List<string> ModelProblems(JsonObject catalog)
    {
        var problems = new List<string>();
        var models = catalog["models"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var byId = models.GroupBy(m => (string)m["id"]!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        DateTime asOf = Date(catalog["asOf"], "asOf", problems) ?? DateTime.MinValue;
        problems.AddRange(models.GroupBy(m => (string)m["id"]!).Where(g => g.Count() > 1).Select(g => $"{g.Key}: listed {g.Count()} times"));

        foreach (var model in models)
        {
            string id = (string)model["id"]!;
            var dates = DateFields.ToDictionary(f => f, f => Date(model[f], $"{id}.{f}", problems));
            if (string.IsNullOrWhiteSpace((string?)model["source"]))
            {
                problems.Add($"{id}: no source");
            }

            foreach (var field in PriceFields)
            {
                if (model[field] is { } price && (!double.IsFinite((double)price) || (double)price < 0 || (double)price > 10_000))
                {
                    problems.Add($"{id}.{field}: {price} is not a price per 1M tokens");
                }
            }

            // A replacement exists, is another model, and is not retired before the model it replaces.
            if ((string?)model["replacement"] is { } replacement)
            {
                if (replacement == id)
                {
                    problems.Add($"{id}: replaces itself");
                }
                else if (!byId.TryGetValue(replacement, out var target))
                {
                    problems.Add($"{id}: replacement '{replacement}' is not in the catalog");
                }
                else if (Date(target["shutdownOn"], replacement, new List<string>()) is DateTime targetEnd
                    && (dates["shutdownOn"] is not DateTime end || targetEnd <= end))
                {
                    problems.Add($"{id}: replacement '{replacement}' shuts down ({targetEnd:yyyy-MM-dd}) no later than the model it replaces");
                }
            }

            if (model["deprecated"]?.GetValue<bool>() == true && dates["shutdownOn"] is null && dates["shutdownNotBefore"] is null)
            {
                problems.Add($"{id}: deprecated without a shutdown date or a 'not before'");
            }

            bool live = dates["shutdownOn"] is not DateTime shutdown || shutdown > asOf;
            if ((string?)model["tier"] is { } tier)
            {
                // Token-priced kinds: speech and transcription models are priced per character or minute (null here).
                if (live && model["inputPer1M"] is null && (string?)model["kind"] is "chat" or "reasoning" or "embedding")
                {
                    problems.Add($"{id}: live in tier '{tier}' without a price");
                }

                if (string.IsNullOrWhiteSpace((string?)model["tierSource"]))
                {
                    problems.Add($"{id}: tier without tierSource");
                }
            }

            var accepted = Words(model["reasoningEfforts"]);
            var rejected = Words(model["rejectedEfforts"]);
            problems.AddRange(accepted.Intersect(rejected).Select(e => $"{id}: effort '{e}' both accepted and rejected"));
            problems.AddRange(accepted.Concat(rejected).Where(e => !EffortWords.Contains(e)).Select(e => $"{id}: unknown effort '{e}'"));
            if ((accepted.Count > 0 || rejected.Count > 0) && string.IsNullOrWhiteSpace((string?)model["effortsSource"]))
            {
                problems.Add($"{id}: efforts without effortsSource");
            }

            if (model["acceptsNoReasoning"]?.GetValue<bool>() == true && rejected.Contains("none"))
            {
                problems.Add($"{id}: acceptsNoReasoning while effort 'none' is rejected");
            }

            if (Words(model["rejectedParameters"]).Count > 0 && string.IsNullOrWhiteSpace((string?)model["parametersSource"]))
            {
                problems.Add($"{id}: rejectedParameters without parametersSource");
            }
        }

        return problems;
    }

    /// <summary>Every broken invariant of an azure-models.json document.</summary>
    internal static List<string> AzureProblems(JsonObject catalog)
    {
        var problems = new List<string>();
        foreach (var model in catalog["models"]!.AsArray().Select(m => m!.AsObject()))
        {
            string name = (string)model["name"]!;
            if (string.IsNullOrWhiteSpace((string?)model["openAI"]) || string.IsNullOrWhiteSpace((string?)model["source"]))
            {
                problems.Add($"{name}: no OpenAI id or no source");
            }

            var retires = Date(model["retiresOn"], $"{name}.retiresOn", problems);
            var versions = model["versions"]?.AsArray().Select(v => v!.AsObject()).ToList() ?? new List<JsonObject>();
            var versionDates = versions.Select(v => Date(v["retiresOn"], $"{name} {v["version"]}.retiresOn", problems)).ToList();
            foreach (var version in versions)
            {
                Date(version["noNewCustomersFrom"], $"{name} {version["version"]}.noNewCustomersFrom", problems);
                if (string.IsNullOrWhiteSpace((string?)version["source"]))
                {
                    problems.Add($"{name} {version["version"]}: no source");
                }
            }

            // The name lives as long as its longest-lived version.
            if (versionDates.Count > 0 && versionDates.All(d => d is not null) && retires != versionDates.Max())
            {
                problems.Add($"{name}: retiresOn {retires:yyyy-MM-dd} is not its latest version's {versionDates.Max():yyyy-MM-dd}");
            }
        }

        return problems;
    }

    private static List<string> Words(JsonNode? list) => list is JsonArray array ? array.Select(w => (string)w!).ToList() : new List<string>();

    private static DateTime? Date(JsonNode? value, string where, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateTime.TryParseExact((string?)value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 2015 || date.Year > 2100)
        {
            problems.Add($"{where}: '{value}' is not a date between 2015 and 2100");
            return null;
        }

        return date;
    }

    [Fact]
    public void TheShippedModelCatalogHoldsEveryInvariant() =>
        Assert.Empty(ModelProblems(Load("src/ModelAnalyzers/Catalog/models.json")));

    [Fact]
    public void TheShippedAzureCatalogHoldsEveryInvariant() =>
        Assert.Empty(AzureProblems(Load("src/ModelAnalyzers/Catalog/azure-models.json")));

    // Each invariant catches the edit it is there for.
    [Theory]
    [InlineData("gpt-4", "replacement", "\"gpt-99\"", "replacement 'gpt-99' is not in the catalog")]
    [InlineData("gpt-4", "replacement", "\"gpt-4\"", "replaces itself")]
    [InlineData("gpt-4", "replacement", "\"gpt-3.5-turbo\"", "no later than the model it replaces")]
    [InlineData("gpt-4o", "shutdownOn", "null", "deprecated without a shutdown date")]
    [InlineData("gpt-6-luna", "inputPer1M", "null", "live in tier 'entry' without a price")]
    [InlineData("gpt-6.2-sol", "reasoningEfforts", "[\"none\", \"low\"]", "effort 'none' both accepted and rejected")]
    [InlineData("gpt-6.2-sol", "acceptsNoReasoning", "true", "acceptsNoReasoning while effort 'none' is rejected")]
    [InlineData("gpt-6.2-sol", "released", "\"2026-13-01\"", "is not a date")]
    [InlineData("gpt-6.2-sol", "shutdownOn", "\"2201-01-01\"", "is not a date")]
    [InlineData("gpt-6.2-sol", "source", "\"\"", "no source")]
    [InlineData("gpt-6.2-sol", "outputPer1M", "-1", "is not a price")]
    public void ABadEditFailsTheCheck(string id, string field, string json, string expected)
    {
        var catalog = Load("src/ModelAnalyzers/Catalog/models.json");
        var model = catalog["models"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string)m["id"]! == id);
        model[field] = JsonNode.Parse(json);

        Assert.Contains(ModelProblems(catalog), p => p.StartsWith(id, StringComparison.Ordinal) && p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ABadAzureEditFailsTheCheck()
    {
        var catalog = Load("src/ModelAnalyzers/Catalog/azure-models.json");
        var gpt52 = catalog["models"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string)m["name"]! == "gpt-5.2");
        gpt52["retiresOn"] = "2027-05-12";

        Assert.Contains(AzureProblems(catalog), p => p.StartsWith("gpt-5.2: retiresOn 2027-05-12 is not its latest version's 2026-12-12", StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using JsonValue = System.Text.Json.Nodes.JsonValue;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>
/// Builds a catalog overlay from feeds: only what differs from the built-in catalog, each entry with its sources and
/// the feeds' dates, sorted and formatted the same way every time (the same inputs give the same file). Rules, as
/// docs/data-freshness.md states them: a deprecation source (deprecations.info, OpenAI's /v1/models) beats a price
/// file on dates; the catalog's researched value beats a feed unless the feed is newer than the catalog; a feed fills
/// in what the catalog does not know; the team's own entries in the overlay are kept as they are.
/// </summary>
internal static class CatalogUpdater
{
    /// <summary>Marks the entries the import wrote, so a refresh replaces them and keeps everything else.</summary>
    public const string SourcePrefix = "imported by model-audit catalog update from ";

    private const string Schema = "https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/models.schema.json";

    /// <param name="azure">The Azure schedule's news (<see cref="AzureScheduleImport"/>); null keeps the overlay's "azure" entries as they are.</param>
    public static UpdateResult Build(ModelCatalog catalog, IReadOnlyList<FeedModel> feeds, string? existingOverlay, string overlayPath, (JsonArray Entries, List<string> Changes, List<string> Conflicts)? azure = null)
    {
        var (teamEntries, importedEntries, deployments, teamAzure, importedAzure) = ReadExisting(existingOverlay, overlayPath);

        // With no OpenAI feed named (an Azure schedule alone), what earlier imports wrote stays.
        if (feeds.Count == 0)
        {
            teamEntries.AddRange(importedEntries);
        }

        var teamIds = new HashSet<string>(teamEntries.Select(e => (string)e["id"]!), StringComparer.Ordinal);

        var entries = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var sources = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var update = new UpdateResult();
        var pendingReplacements = new List<(string Id, FeedModel From)>();

        foreach (var group in feeds.GroupBy(f => f.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (teamIds.Contains(group.Key))
            {
                update.NotWritten.Add($"{group.Key}: the overlay's own entry (no import source) is kept as it is");
                continue;
            }

            var imported = new ImportedModel(catalog, group.Key, group.ToList(), sources, update);
            if (imported.Build() is { } entry)
            {
                entries[group.Key] = entry;
            }

            if (imported.ReplacementsFrom is { } from)
            {
                pendingReplacements.Add((group.Key, from));
            }
        }

        // Replacements last: one may name a model this import adds. An unknown one is reported, never written.
        ApplyReplacements(catalog, pendingReplacements, entries, teamIds, sources, update);

        foreach (var (id, entry) in entries)
        {
            entry["source"] = SourcePrefix + string.Join("; ", sources.TryGetValue(id, out var set) ? set : new SortedSet<string>());
        }

        var newest = feeds.Select(f => f.FeedDate).Where(d => d is not null).DefaultIfEmpty(null).Max();
        if (newest is null && feeds.Count == 0 && existingOverlay is not null)
        {
            newest = ReadAsOf(existingOverlay);
        }

        var azureEntries = teamAzure.Concat(azure?.Entries.Select(e => (JsonObject)e!.DeepClone()) ?? importedAzure).ToList();
        string text = Write(entries.Values.Concat(teamEntries).OrderBy(e => (string)e["id"]!, StringComparer.Ordinal), deployments, newest, azureEntries);
        update.AzureChanged.AddRange(azure?.Changes ?? new List<string>());
        update.Conflicts.AddRange(azure?.Conflicts ?? new List<string>());
        update.OverlayText = text;
        return update;
    }

    /// <summary>The feeds' replacements, each checked against the catalog, this import and the team's entries (never one that leads back to its model).</summary>
    private static void ApplyReplacements(ModelCatalog catalog, List<(string Id, FeedModel From)> pendingReplacements, SortedDictionary<string, JsonObject> entries,
        HashSet<string> teamIds, Dictionary<string, SortedSet<string>> sources, UpdateResult update)
    {
        foreach (var (id, from) in pendingReplacements)
        {
            var known = catalog.Find(id);
            // A model never replaces itself, and a replacement that leads back to the model would send fixes in a circle.
            var refused = from.Replacements.Where(r => r == id || LeadsBackTo(id, r, catalog, entries)).ToList();
            foreach (string r in refused)
            {
                update.NotWritten.Add($"{id} replacement: '{r}' {(r == id ? "is the model itself" : "leads back to it (a replacement cycle)")} in {from.Feed}: not written");
            }

            string? target = from.Replacements.Except(refused).FirstOrDefault(r => catalog.Find(r) is not null || entries.ContainsKey(r) || teamIds.Contains(r));
            if (target is null)
            {
                if (refused.Count == from.Replacements.Count)
                {
                    continue;
                }

                update.NotWritten.Add($"{id} replacement: {string.Join(" or ", from.Replacements.Select(r => $"'{r}'"))} is not a model the catalog or this import knows: not written");
                continue;
            }

            if (known?.Replacement == target)
            {
                continue;
            }

            if (known?.Replacement is { } current && !(from.FeedDate > catalog.AsOf))
            {
                update.Conflicts.Add($"{id} replacement: the catalog's '{current}' kept over {from.Feed}'s '{target}' (the catalog's researched data, {Day(catalog.AsOf)}, is newer than the feed's, {Day(from.FeedDate)})");
                continue;
            }

            var entry = entries.TryGetValue(id, out var existing) ? existing : entries[id] = new JsonObject { ["id"] = id };
            entry["replacement"] = target;
            AddSource(sources, id, from);
            update.ReplacementsChanged.Add($"{id}: {(known?.Replacement is { } before ? $"'{before}'" : "none")} -> '{target}' ({from.Feed})");
        }
    }

    /// <summary>"deprecations.info (2026-07-24)": the feeds an entry came from, named in its source.</summary>
    public static void AddSource(Dictionary<string, SortedSet<string>> sources, string id, FeedModel from) =>
        (sources.TryGetValue(id, out var set) ? set : sources[id] = new SortedSet<string>(StringComparer.Ordinal))
            .Add(from.FeedDate is DateTime date ? $"{from.Feed} ({Day(date)})" : from.Feed);

    /// <summary>The package's own overlay reader must accept the file (no MDL0901): the problems it finds, or none.</summary>
    public static List<OverlayProblem> Check(ModelCatalog catalog, string path, string text)
    {
        var problems = new List<OverlayProblem>();
        CatalogOverlay.Apply(catalog, new[] { (path, SourceText.From(text)) }, problems);
        return problems;
    }

    /// <summary>One model per line, fields in the catalog's order: diffs of a refresh show only what changed.</summary>
    private static string Write(IEnumerable<JsonObject> models, JsonObject? deployments, DateTime? asOf, List<JsonObject> azure)
    {
        var text = new StringBuilder("{\n");
        text.Append(CultureInfo.InvariantCulture, $"  \"$schema\": \"{Schema}\",\n");
        if (asOf is DateTime date)
        {
            text.Append(CultureInfo.InvariantCulture, $"  \"asOf\": \"{Day(date)}\",\n");
        }

        if (deployments is not null)
        {
            text.Append("  \"deployments\": ").Append(deployments.ToJsonString()).Append(",\n");
        }

        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        if (azure.Count > 0)
        {
            text.Append("  \"azure\": [\n").Append(string.Join(",\n", azure.Select(a => "    " + a.ToJsonString(relaxed)))).Append("\n  ],\n");
        }

        var lines = models.Select(m => "    " + Ordered(m).ToJsonString(relaxed)).ToList();
        text.Append("  \"models\": [");
        text.Append(lines.Count == 0 ? "]\n" : "\n" + string.Join(",\n", lines) + "\n  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    private static JsonObject Ordered(JsonObject model)
    {
        var order = new[] { "id", "kind" }.Concat(CatalogFields.Names).ToList();
        var ordered = new JsonObject();
        foreach (var (name, value) in model.OrderBy(p => order.IndexOf(p.Key) is int i && i >= 0 ? i : int.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            ordered[name] = value?.DeepClone();
        }

        return ordered;
    }

    /// <summary>
    /// An existing overlay's entries: the team's own (any source but the import's) and earlier imports', of models and
    /// of Azure models, and its deployment map.
    /// </summary>
    private static (List<JsonObject> Team, List<JsonObject> Imported, JsonObject? Deployments, List<JsonObject> TeamAzure, List<JsonObject> ImportedAzure) ReadExisting(string? text, string path)
    {
        var team = new List<JsonObject>();
        var imported = new List<JsonObject>();
        var teamAzure = new List<JsonObject>();
        var importedAzure = new List<JsonObject>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (team, imported, null, teamAzure, importedAzure);
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text!, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new FeedException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): the existing overlay is not valid JSON ({e.Message}); fix or move it first: nothing was written");
        }

        if (root is not JsonObject overlay)
        {
            throw new FeedException($"{path}: the existing overlay is not a JSON object; fix or move it first: nothing was written");
        }

        foreach (var item in overlay["models"] as JsonArray ?? new JsonArray())
        {
            if (item is JsonObject model && model["id"] is JsonValue id && id.TryGetValue(out string? _))
            {
                (IsImported(model) ? imported : team).Add((JsonObject)model.DeepClone());
            }
        }

        foreach (var item in overlay["azure"] as JsonArray ?? new JsonArray())
        {
            if (item is JsonObject model)
            {
                (IsImported(model) ? importedAzure : teamAzure).Add((JsonObject)model.DeepClone());
            }
        }

        return (team, imported, overlay["deployments"]?.DeepClone() as JsonObject, teamAzure, importedAzure);

        static bool IsImported(JsonObject entry) =>
            entry["source"] is JsonValue source && source.TryGetValue(out string? sourceText) && sourceText.StartsWith(SourcePrefix, StringComparison.Ordinal);
    }

    private static DateTime? ReadAsOf(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?["asOf"] is JsonValue value
                && value.TryGetValue(out string? day) && DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Day(DateTime? date) => date is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";

    public static string Show<T>(T value) => value switch
    {
        DateTime date => Day(date),
        double number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>True when following replacements from <paramref name="start"/> (this import's first, then the catalog's) reaches <paramref name="id"/>.</summary>
    private static bool LeadsBackTo(string id, string start, ModelCatalog catalog, IReadOnlyDictionary<string, JsonObject> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? at = start; at is not null && seen.Add(at); )
        {
            if (at == id)
            {
                return true;
            }

            at = entries.TryGetValue(at, out var entry) && entry["replacement"] is JsonNode written ? (string?)written : catalog.Find(at)?.Replacement;
        }

        return false;
    }
}

using System.Text.Json.Nodes;
using ModelAnalyzers.Catalog;
using static ModelAnalyzers.Cli.CatalogUpdate.CatalogUpdater;
using JsonValue = System.Text.Json.Nodes.JsonValue;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>
/// One model's overlay entry from what the feeds say of it (<see cref="CatalogUpdater"/>'s rules): dates from a
/// deprecation source before a price file's, prices and flags, each field only where it differs from the catalog, and
/// the catalog's researched value kept over an older feed's. The replacements are applied after every model is read.
/// </summary>
internal sealed class ImportedModel
{
    private readonly ModelCatalog _catalog;
    private readonly string _id;
    private readonly IReadOnlyList<FeedModel> _feeds;
    private readonly Dictionary<string, SortedSet<string>> _sources;
    private readonly UpdateResult _update;
    private readonly ModelInfo? _known;
    private readonly JsonObject _entry;

    public ImportedModel(ModelCatalog catalog, string id, IReadOnlyList<FeedModel> feeds, Dictionary<string, SortedSet<string>> sources, UpdateResult update)
    {
        _catalog = catalog;
        _id = id;
        _feeds = feeds;
        _sources = sources;
        _update = update;
        _known = catalog.Find(id);
        _entry = new JsonObject { ["id"] = id };
    }

    /// <summary>The deprecation source whose replacements name this model's successor, once <see cref="Build"/> ran.</summary>
    public FeedModel? ReplacementsFrom { get; private set; }

    /// <summary>The entry to write; null when nothing differs from the catalog or a new model lacks a kind or a price.</summary>
    public JsonObject? Build()
    {
        string? kind = _known?.Kind ?? _feeds.Select(f => f.Kind).FirstOrDefault(k => k is not null);
        if (_known is null)
        {
            // A new model needs its kind, and a price to be worth judging (LiteLLM also lists tools and containers).
            if (kind is null || !_feeds.Any(f => f.Values.InputPer1M is not null || f.Values.OutputPer1M is not null))
            {
                _update.NotWritten.Add($"{_id}: not in the catalog, and no feed gives its kind and a price: not added");
                return null;
            }

            _entry["kind"] = kind;
        }

        TakeDates();
        TakePrices();
        if (_known is not null && _entry.Count == 1)
        {
            return null;
        }

        if (_known is null)
        {
            _update.Added.Add($"{_id} ({kind}; {string.Join(", ", _sources.TryGetValue(_id, out var s) ? s : new SortedSet<string>(new[] { _feeds[0].Feed }))})");
            AddSource(_sources, _id, _feeds[0]);
        }

        return _entry;
    }

    /// <summary>Dates: a deprecation source first (the newest); a price file's date only where no deprecation source speaks.</summary>
    private void TakeDates()
    {
        var strong = _feeds.Where(f => !f.DateIsWeak && (f.Values.ShutdownOn is not null || f.Values.DeprecatedOn is not null))
            .OrderByDescending(f => f.FeedDate ?? DateTime.MinValue).FirstOrDefault();
        var weak = strong is null && _known?.ShutdownOn is null ? _feeds.FirstOrDefault(f => f.DateIsWeak && f.Values.ShutdownOn is not null) : null;
        if (strong is not null && _feeds.FirstOrDefault(f => f.DateIsWeak && f.Values.ShutdownOn is not null && f.Values.ShutdownOn != strong.Values.ShutdownOn) is { } ignored)
        {
            _update.Conflicts.Add($"{_id} shutdownOn: {strong.Feed}'s {Day(strong.Values.ShutdownOn)} used over {ignored.Feed}'s {Day(ignored.Values.ShutdownOn)} (a deprecation source beats a price file on dates)");
        }

        var dated = strong ?? weak;
        Take("deprecatedOn", m => m.DeprecatedOn, dated, _update.DatesChanged);
        Take("shutdownOn", m => m.ShutdownOn, dated, _update.DatesChanged);
        if (dated is not null && (dated.Values.ShutdownOn is not null || dated.Values.DeprecatedOn is not null) && _known is { Deprecated: false } && _entry.ContainsKey("shutdownOn"))
        {
            _entry["deprecated"] = true;
        }

        if (strong is { Replacements.Count: > 0 })
        {
            ReplacementsFrom = strong;
        }
    }

    private void TakePrices()
    {
        var priced = _feeds.FirstOrDefault(f => f.Values.InputPer1M is not null || f.Values.OutputPer1M is not null || f.Values.ContextWindow is not null);
        var changed = _update.PricesChanged;
        Take("inputPer1M", m => m.InputPer1M, priced, changed);
        Take("cachedInputPer1M", m => m.CachedInputPer1M, priced, changed);
        Take("outputPer1M", m => m.OutputPer1M, priced, changed);
        Take("contextWindow", m => m.ContextWindow, priced, changed);
        Take("maxOutput", m => m.MaxOutput, priced, changed);
        Take("reasoning", m => m.Reasoning, priced, changed);
        Take("vision", m => m.Vision, priced, changed);
        Take("tools", m => m.Tools, priced, changed);
        Take("structuredOutputs", m => m.StructuredOutputs, priced, changed);
    }

    /// <summary>Writes a feed's value where it differs from the catalog's: for a known model only when the feed is newer than the catalog.</summary>
    private void Take<T>(string field, Func<ModelInfo, T?> read, FeedModel? from, List<string> changes)
        where T : struct
    {
        T? catalogValue = _known is null ? null : read(_known);
        if (from is null || read(from.Values) is not T value || Equals(catalogValue, value))
        {
            return;
        }

        string shown = Show(value);
        if (_known is not null && catalogValue is T current)
        {
            if (!(from.FeedDate > _catalog.AsOf))
            {
                _update.Conflicts.Add($"{_id} {field}: the catalog's {Show(current)} kept over {from.Feed}'s {shown} (the catalog's researched data, {Day(_catalog.AsOf)}, is newer than the feed's, {Day(from.FeedDate)})");
                return;
            }

            _update.Conflicts.Add($"{_id} {field}: {from.Feed}'s {shown} replaces the catalog's {Show(current)} (the feed, {Day(from.FeedDate)}, is newer than the catalog, {Day(_catalog.AsOf)})");
        }

        _entry[field] = value switch
        {
            DateTime date => JsonValue.Create(Day(date)),
            double number => JsonValue.Create(number),
            long count => JsonValue.Create(count),
            bool flag => JsonValue.Create(flag),
            _ => null,
        };
        AddSource(_sources, _id, from);
        if (_known is not null)
        {
            changes.Add($"{_id} {field}: {(catalogValue is T before ? Show(before) : "unknown")} -> {shown} ({from.Feed})");
        }
    }
}

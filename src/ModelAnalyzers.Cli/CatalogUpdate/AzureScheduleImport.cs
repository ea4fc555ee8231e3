using System.Globalization;
using System.Text.Json.Nodes;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>
/// The overlay's "azure" entries for what Microsoft's retirement schedule says differently from the package's Azure
/// data: a version's new date, lifecycle or replacement, a version or model the data lacks. Rows the data already has
/// are not written (the overlay holds only news), and the summary names every change. Where the page and the data
/// disagree, the newer page wins: a page no newer than the one the data was read from (its ms.date, in the row's
/// source), or a page without a date, keeps the data's value and says so.
/// </summary>
internal static partial class AzureScheduleImport
{
    public static (JsonArray Entries, List<string> Changes, List<string> Conflicts) Build(ModelCatalog catalog, IReadOnlyList<AzureScheduleRow> rows, string feed, DateTime? pageDate)
    {
        string source = CatalogUpdater.SourcePrefix + feed + (pageDate is DateTime day ? $" (ms.date {Day(day)})" : "");
        var changes = new List<string>();
        var conflicts = new List<string>();
        var entries = new JsonArray();
        foreach (var group in rows.GroupBy(r => r.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var known = catalog.Azure.Find(group.Key) is { } found && found.Name == group.Key ? found : null;
            var versions = new JsonArray();
            foreach (var row in group)
            {
                var before = known?.Versions.FirstOrDefault(v => string.Equals(v.Version ?? "", row.Version, StringComparison.OrdinalIgnoreCase));
                string what = $"{row.Model} {row.Version}".TrimEnd();
                if (before is null)
                {
                    changes.Add($"{what}: added ({row.Lifecycle}, {(row.RetiresOn is DateTime r ? "retires " + Day(r) : "no retirement date")})");
                }
                else
                {
                    var differences = new List<string>();
                    if (before.RetiresOn != row.RetiresOn)
                    {
                        differences.Add($"retires {Show(before.RetiresOn)} -> {Show(row.RetiresOn)}");
                    }

                    if (!string.Equals(before.Lifecycle, row.Lifecycle, StringComparison.OrdinalIgnoreCase))
                    {
                        differences.Add($"lifecycle {before.Lifecycle ?? "unknown"} -> {row.Lifecycle}");
                    }

                    if (row.Replacement is not null && !string.Equals(before.Replacement, row.Replacement, StringComparison.Ordinal))
                    {
                        differences.Add($"replacement {before.Replacement ?? "none"} -> {row.Replacement}");
                    }

                    if (differences.Count == 0)
                    {
                        continue;
                    }

                    var dataDate = SourceDates().Matches(before.Source).Select(m => DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)).DefaultIfEmpty().Max();
                    if (pageDate is not DateTime page || (dataDate != default && page <= dataDate))
                    {
                        string pageText = pageDate is DateTime p ? $"ms.date {Day(p)}" : "undated";
                        conflicts.Add($"{what}: the page says {string.Join(", ", differences)}; the data's values are kept (the page, {pageText}, is not newer than the data's source{(dataDate == default ? "" : $", ms.date {Day(dataDate)}")})");
                        continue;
                    }

                    changes.Add($"{what}: {string.Join(", ", differences)}");
                }

                versions.Add(new JsonObject
                {
                    ["version"] = row.Version.Length == 0 ? null : row.Version,
                    ["lifecycle"] = row.Lifecycle,
                    ["retirement"] = row.RetiresOn is null ? null : "exact",
                    ["retiresOn"] = row.RetiresOn is DateTime date ? Day(date) : null,
                    ["replacement"] = row.Replacement ?? before?.Replacement,
                    ["source"] = source,
                });
            }

            if (versions.Count > 0)
            {
                entries.Add(new JsonObject
                {
                    ["name"] = group.Key,
                    ["openAI"] = known?.OpenAI ?? OpenAIName(catalog, group.Key),
                    ["source"] = source,
                    ["versions"] = versions,
                });
            }
        }

        return (entries, changes, conflicts);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"ms\.date (\d{4}-\d{2}-\d{2})")]
    private static partial System.Text.RegularExpressions.Regex SourceDates();

    /// <summary>Azure's gpt-5.3-chat is OpenAI's gpt-5.3-chat-latest; other names are OpenAI's own.</summary>
    private static string OpenAIName(ModelCatalog catalog, string name) =>
        name.EndsWith("-chat", StringComparison.Ordinal) && catalog.Find(name + "-latest") is not null ? name + "-latest" : name;

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Show(DateTime? date) => date is DateTime d ? Day(d) : "undated";
}

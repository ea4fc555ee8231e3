using System.Globalization;
using System.Text.Json;
using Sylvan.Data.Csv;

namespace ModelAnalyzers.Cli.Usage;

/// <summary>Token usage of one model over one period, from one row or bucket result of an export.</summary>
internal sealed record UsageRow(string Model, DateTime? Start, DateTime? End, long InputTokens, long CachedInputTokens, long OutputTokens, long Requests);

/// <summary>
/// Reads the usage exports teams already have: OpenAI's Usage API responses (completions and embeddings, grouped by
/// model) and the usage dashboard's CSV export. A problem names the file and the line or field; the caller reports it
/// and goes on without that file.
/// </summary>
internal static class UsageReader
{
    public static List<UsageRow> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: no such file");
        }

        string text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"{path}: the file is empty");
        }

        return text.TrimStart() is ['{' or '[', ..] ? ReadUsageApi(path, text) : ReadCsv(path, text);
    }

    /// <summary>
    /// GET /v1/organization/usage/completions (or /embeddings) with group_by=model: a page {"object": "page", "data":
    /// [buckets]}, or an array of such pages (a paginated download saved whole).
    /// </summary>
    private static List<UsageRow> ReadUsageApi(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): invalid JSON: {e.Message}");
        }

        using (document)
        {
            var pages = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : new List<JsonElement> { document.RootElement };
            var rows = new List<UsageRow>();
            for (int p = 0; p < pages.Count; p++)
            {
                if (pages[p].ValueKind != JsonValueKind.Object || !pages[p].TryGetProperty("data", out var buckets) || buckets.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException($"{path}: page {p}: expected {{\"object\": \"page\", \"data\": [buckets]}} as the Usage API returns it");
                }

                int b = 0;
                foreach (var bucket in buckets.EnumerateArray())
                {
                    string where = $"{path}: page {p}, bucket {b++}";
                    DateTime? start = UnixTime(bucket, "start_time", where);
                    DateTime? end = UnixTime(bucket, "end_time", where);
                    if (!bucket.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                    {
                        throw new FormatException($"{where}: 'results' must be an array");
                    }

                    int r = 0;
                    foreach (var result in results.EnumerateArray())
                    {
                        string at = $"{where}, result {r++}";
                        string model = result.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
                            ? m.GetString()!
                            : throw new FormatException($"{at}: no 'model': export with group_by=model so that usage can be matched to the code");
                        rows.Add(new UsageRow(model, start, end, Tokens(result, "input_tokens", at), Tokens(result, "input_cached_tokens", at),
                            Tokens(result, "output_tokens", at), Tokens(result, "num_model_requests", at)));
                    }
                }
            }

            return rows;
        }
    }

    /// <summary>The usage dashboard's CSV export: a header row naming at least model and input_tokens; dates optional.</summary>
    private static List<UsageRow> ReadCsv(string path, string text)
    {
        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < csv.FieldCount; i++)
        {
            columns[csv.GetName(i).Trim()] = i;
        }

        foreach (string required in new[] { "model", "input_tokens" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new FormatException($"{path}: line 1: no '{required}' column (found: {string.Join(", ", columns.Keys)})");
            }
        }

        var rows = new List<UsageRow>();
        int line = 1;
        while (csv.Read())
        {
            string at = $"{path}: line {++line}";
            string model = Field(csv, columns, "model")?.Trim() ?? "";
            if (model.Length == 0)
            {
                throw new FormatException($"{at}: 'model' is empty");
            }

            rows.Add(new UsageRow(model, CsvDate(csv, columns, at, "start_time", "date", "start_date"), CsvDate(csv, columns, at, "end_time", "end_date"),
                CsvTokens(csv, columns, at, "input_tokens"), CsvTokens(csv, columns, at, "input_cached_tokens"),
                CsvTokens(csv, columns, at, "output_tokens"), CsvTokens(csv, columns, at, "num_model_requests")));
        }

        return rows;
    }

    private static string? Field(CsvDataReader csv, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out int index) && index < csv.RowFieldCount ? csv.GetString(index) : null;

    private static long Tokens(JsonElement result, string name, string at) =>
        !result.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n) && n >= 0 ? n
        : throw new FormatException($"{at}: '{name}' must be a whole number, found {value.GetRawText()}");

    private static DateTime? UnixTime(JsonElement bucket, string name, string at) =>
        !bucket.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
        : throw new FormatException($"{at}: '{name}' must be a Unix time in seconds, found {value.GetRawText()}");

    private static long CsvTokens(CsvDataReader csv, Dictionary<string, int> columns, string at, string column)
    {
        if (Field(csv, columns, column) is not { } text || text.Trim().Length == 0)
        {
            return 0;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new FormatException($"{at}: '{column}' must be a whole number, found '{text}'");
    }

    private static DateTime? CsvDate(CsvDataReader csv, Dictionary<string, int> columns, string at, params string[] names)
    {
        foreach (string column in names)
        {
            if (Field(csv, columns, column) is not { } text || text.Trim().Length == 0)
            {
                continue;
            }

            text = text.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
            }

            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            {
                return date;
            }

            throw new FormatException($"{at}: '{column}' must be a date or a Unix time, found '{text}'");
        }

        return null;
    }
}

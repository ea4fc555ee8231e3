using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ModelAnalyzers.Catalog;
using Sylvan.Data.Csv;

namespace ModelAnalyzers.Cli.Usage;

/// <summary>
/// Reads the usage exports teams already have: OpenAI's Usage API responses (completions, embeddings, images and audio,
/// grouped by model), the usage dashboard's CSV export and Azure Cost Management's FOCUS export (<see cref="FocusReader"/>). A problem names the file and the line or field; the caller reports it
/// and goes on without that file.
/// </summary>
internal static class UsageReader
{
    public static UsageExport Read(string path, ModelCatalog catalog)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: no such file");
        }

        try
        {
            return ReadFile(path, catalog);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"{path}: not a readable gzip file ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or OverflowException or InvalidOperationException or CsvFormatException or CsvRecordTooLargeException or CsvMissingHeadersException or AmbiguousColumnException or CsvInvalidCharacterException)
        {
            // Whatever else a damaged file throws from the readers below: named, and the file left out.
            throw new FormatException($"{path}: cannot be read: {e.Message}");
        }
    }

    private static UsageExport ReadFile(string path, ModelCatalog catalog)
    {
        // Cost exports run to hundreds of megabytes: CSV is read as a stream (gzip-compressed too, as Cost Management
        // can write it); a Usage API response is a page of JSON and is read whole.
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file);
        var leading = new StringBuilder();
        while (reader.Peek() is int next && next >= 0 && char.IsWhiteSpace((char)next))
        {
            leading.Append((char)reader.Read());
        }

        return reader.Peek() switch
        {
            < 0 => throw new FormatException($"{path}: the file is empty"),
            '{' or '[' => ReadUsageApi(path, leading + reader.ReadToEnd()), // whole, so JSON errors keep their line numbers
            _ => ReadCsv(path, reader, catalog),
        };
    }

    /// <summary>
    /// GET /v1/organization/usage/completions (or /embeddings) with group_by=model: a page {"object": "page", "data":
    /// [buckets]}, or an array of such pages (a paginated download saved whole).
    /// </summary>
    private static UsageExport ReadUsageApi(string path, string text)
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
            var export = new UsageExport();
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
                        // Images, speech and transcription results count images, characters or seconds instead of tokens.
                        var (units, unitName) = new[] { "images", "characters", "seconds" }
                            .Select(name => (Count: Tokens(result, name, at), Name: name)).FirstOrDefault(u => u.Count > 0);
                        export.Rows.Add(new UsageRow(model, start, end, Tokens(result, "input_tokens", at), Tokens(result, "input_cached_tokens", at),
                            Tokens(result, "output_tokens", at), Tokens(result, "num_model_requests", at)) { Units = units, UnitName = unitName });
                    }
                }
            }

            return export;
        }
    }

    /// <summary>The usage dashboard's CSV export: a header row naming at least model and input_tokens; dates and a cost optional.</summary>
    private static UsageExport ReadCsv(string path, TextReader text, ModelCatalog catalog)
    {
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < csv.FieldCount; i++)
        {
            columns[csv.GetName(i).Trim()] = i;
        }

        if (FocusReader.IsFocus(columns.Keys))
        {
            return FocusReader.Read(path, csv, columns, catalog);
        }

        foreach (string required in new[] { "model", "input_tokens" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new FormatException($"{path}: line 1: no '{required}' column (found: {string.Join(", ", columns.Keys)})");
            }
        }

        var export = new UsageExport();
        int line = 1;
        while (csv.Read())
        {
            string at = $"{path}: line {++line}";
            string model = Field(csv, columns, "model") ?? "";
            if (model.Length == 0)
            {
                throw new FormatException($"{at}: 'model' is empty");
            }

            var cost = CsvCost(csv, columns, at);
            export.Rows.Add(new UsageRow(model, CsvDate(csv, columns, at, "start_time", "date", "start_date"), CsvDate(csv, columns, at, "end_time", "end_date"),
                CsvTokens(csv, columns, at, "input_tokens"), CsvTokens(csv, columns, at, "input_cached_tokens"),
                CsvTokens(csv, columns, at, "output_tokens"), CsvTokens(csv, columns, at, "num_model_requests"))
            {
                ExportedCost = cost?.Amount,
                Currency = cost?.Currency,
            });
        }

        return export;
    }

    /// <summary>A CSV field of the current row, trimmed; null when the column is missing or the field empty.</summary>
    internal static string? Field(CsvDataReader csv, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out int index) && index < csv.RowFieldCount && csv.GetString(index).Trim() is { Length: > 0 } value ? value : null;

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
        if (Field(csv, columns, column) is not { } text)
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new FormatException($"{at}: '{column}' must be a whole number, found '{text}'");
    }

    /// <summary>A cost column when the export has one: cost_usd / amount_usd in dollars, or cost / amount with a currency column (USD without one).</summary>
    private static (double Amount, string Currency)? CsvCost(CsvDataReader csv, Dictionary<string, int> columns, string at)
    {
        foreach (string column in new[] { "cost_usd", "amount_usd", "cost", "amount", "amount_value" })
        {
            if (Field(csv, columns, column) is not { } text)
            {
                continue;
            }

            if (!double.TryParse(text.TrimStart('$'), NumberStyles.Float, CultureInfo.InvariantCulture, out double amount))
            {
                throw new FormatException($"{at}: '{column}' must be a number, found '{text}'");
            }

            string currency = column.EndsWith("_usd", StringComparison.Ordinal) ? "USD"
                : (Field(csv, columns, "currency") ?? Field(csv, columns, "amount_currency"))?.ToUpperInvariant() ?? "USD";
            return (amount, currency);
        }

        return null;
    }

    /// <summary>The first of the columns that holds a date or a Unix time; null when none holds anything.</summary>
    internal static DateTime? CsvDate(CsvDataReader csv, Dictionary<string, int> columns, string at, params string[] names)
    {
        foreach (string column in names)
        {
            if (Field(csv, columns, column) is not { } text)
            {
                continue;
            }

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

using System.Globalization;
using System.Text.Json;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>Readers of the feeds teams already use. Each validates what it reads and names the path and position of a problem.</summary>
internal static class Feeds
{
    /// <summary>deprecations.info's data.json: an array of records; OpenAI rows only (Azure dates are per deployment type).</summary>
    public static List<FeedModel> ReadDeprecations(string path, string text)
    {
        using var document = Parse(path, text);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FeedException($"{path}: expected a JSON array of deprecation records, found {Describe(document.RootElement.ValueKind)}");
        }

        var models = new List<FeedModel>();
        int index = 0;
        foreach (var row in document.RootElement.EnumerateArray())
        {
            string where = $"{path}: record {index++}";
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new FeedException($"{where}: expected an object, found {Describe(row.ValueKind)}");
            }

            if (!string.Equals(Text(row, "provider", where), "OpenAI", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string id = Text(row, "model_id", where) ?? throw new FeedException($"{where}: 'model_id' is missing");
            models.Add(new FeedModel
            {
                Values = new ModelInfo(id, "")
                {
                    DeprecatedOn = Date(row, "deprecation_date", where), // on OpenAI rows: the notice date
                    ShutdownOn = Date(row, "shutdown_date", where),
                },
                Feed = "deprecations.info",
                FeedDate = Date(row, "last_observed", where) ?? Date(row, "first_observed", where),
                Replacements = Strings(row, "replacement_models", where),
                Url = Text(row, "url", where),
            });
        }

        return models;
    }

    /// <summary>LiteLLM's model_prices_and_context_window.json: per-token prices of OpenAI entries, turned into per-1M prices.</summary>
    public static List<FeedModel> ReadPrices(string path, string text, DateTime? feedDate)
    {
        using var document = Parse(path, text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FeedException($"{path}: expected a JSON object keyed by model id, found {Describe(document.RootElement.ValueKind)}");
        }

        // The file says when it was written ("last_updated", a timestamp); --prices-date says when it was fetched.
        feedDate ??= Date(document.RootElement, "last_updated", path);
        var models = new List<FeedModel>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            string where = $"{path}: entry '{entry.Name}'";
            if (entry.Name is "sample_spec" or "last_updated")
            {
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FeedException($"{where}: expected an object, found {Describe(entry.Value.ValueKind)}");
            }

            string? provider = Text(entry.Value, "litellm_provider", where);
            if (provider is not ("openai" or "text-completion-openai"))
            {
                continue;
            }

            // Keys of OpenAI entries are bare ids; a few carry the provider ("openai/gpt-4o"), sizes or tiers ("1024-x-1024/dall-e-3").
            string id = entry.Name.StartsWith("openai/", StringComparison.Ordinal) ? entry.Name.Substring("openai/".Length) : entry.Name;
            if (id.Contains('/'))
            {
                continue;
            }

            var value = entry.Value;
            bool? reasoning = Flag(value, "supports_reasoning", where);
            string? kind = KindOf(Text(value, "mode", where), reasoning);
            models.Add(new FeedModel
            {
                Values = new ModelInfo(id, kind ?? "")
                {
                    InputPer1M = PerMillion(value, "input_cost_per_token", where),
                    CachedInputPer1M = PerMillion(value, "cache_read_input_token_cost", where),
                    // An embedding has no output: the file's 0 means "not applicable", which the catalog writes as unknown.
                    OutputPer1M = kind == "embedding" ? null : PerMillion(value, "output_cost_per_token", where),
                    ContextWindow = Count(value, "max_input_tokens", where),
                    MaxOutput = Count(value, "max_output_tokens", where),
                    Reasoning = reasoning,
                    Vision = Flag(value, "supports_vision", where),
                    Tools = Flag(value, "supports_function_calling", where),
                    StructuredOutputs = Flag(value, "supports_response_schema", where),
                    ShutdownOn = Date(value, "deprecation_date", where),
                },
                Feed = "LiteLLM model_prices_and_context_window.json",
                FeedDate = feedDate,
                DateIsWeak = true,
            });
        }

        return models;
    }

    /// <summary>OpenAI's GET /v1/models response: the ids the account can call, and shutdown_date where present.</summary>
    public static List<FeedModel> ReadOpenAIModels(string path, string text, DateTime feedDate)
    {
        using var document = Parse(path, text);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new FeedException($"{path}: expected {{\"object\": \"list\", \"data\": [...]}} as GET /v1/models returns it");
        }

        var models = new List<FeedModel>();
        int index = 0;
        foreach (var model in data.EnumerateArray())
        {
            string where = $"{path}: data[{index++}]";
            if (model.ValueKind != JsonValueKind.Object)
            {
                throw new FeedException($"{where}: expected an object, found {Describe(model.ValueKind)}");
            }

            models.Add(new FeedModel
            {
                Values = new ModelInfo(Text(model, "id", where) ?? throw new FeedException($"{where}: 'id' is missing"), "")
                {
                    ShutdownOn = Date(model, "shutdown_date", where),
                },
                Feed = "OpenAI GET /v1/models",
                FeedDate = feedDate,
            });
        }

        return models;
    }

    private static JsonDocument Parse(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FeedException($"{path}: the file is empty");
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FeedException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): invalid JSON: {e.Message}");
        }
    }

    private static string? KindOf(string? mode, bool? reasoning) => mode switch
    {
        "chat" or "responses" => reasoning == true ? "reasoning" : "chat",
        "completion" => "completion-legacy",
        "embedding" => "embedding",
        "image_generation" or "image_edit" => "image",
        "audio_transcription" or "audio_speech" or "realtime" => "audio",
        "moderation" or "moderations" => "moderation",
        "video_generation" => "video",
        _ => null,
    };

    private static string? Text(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => StringOf(value, name, where),
            JsonValueKind.Null => null,
            var other => throw new FeedException($"{where}: '{name}' must be a string, found {Describe(other)}"),
        } : null;

    // Valid JSON that .NET cannot hold as a string (a lone surrogate escape such as "\ud800") is a broken feed.
    private static string StringOf(JsonElement value, string name, string where)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new FeedException($"{where}: '{name}' is not valid text (an unpaired surrogate escape)");
        }
    }

    private static DateTime? Date(JsonElement element, string name, string where)
    {
        if (Text(element, name, where) is not { } text)
        {
            return null;
        }

        // deprecations.info writes dates; a timestamp's date part is what counts.
        string day = text.Length >= 10 ? text.Substring(0, 10) : text;
        if (!DateTime.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new FeedException($"{where}: '{name}' must be a date (yyyy-MM-dd), found '{text}'");
        }

        // OpenAI's API opened in 2020 and no notice reaches past this century: anything else is a broken feed.
        return date.Year is >= 2015 and <= 2100
            ? date
            : throw new FeedException($"{where}: '{name}' is {day}, outside 2015-2100: not a model date");
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<string>();
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw new FeedException($"{where}: '{name}' must be an array of strings");
        }

        return value.EnumerateArray().Select(item => StringOf(item, name, where)).ToList();
    }

    private static double? Number(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out double number) && double.IsFinite(number) && number >= 0 => number,
            JsonValueKind.Null => null,
            var other => throw new FeedException($"{where}: '{name}' must be a finite non-negative number, found {(other == JsonValueKind.Number ? value.GetRawText() : Describe(other))}"),
        } : null;

    // Per-token prices to per-1M, rounded so that 1.5e-07 reads 0.15 and not 0.15000000000000002. The dearest model ever
    // listed costs a few hundred dollars per 1M tokens: above $100,000 (or infinite) the feed is broken, not the price.
    private const double MaxPerMillion = 100_000;

    private static double? PerMillion(JsonElement element, string name, string where)
    {
        if (Number(element, name, where) is not double perToken)
        {
            return null;
        }

        double perMillion = Math.Round(perToken * 1_000_000, 6);
        return double.IsFinite(perMillion) && perMillion <= MaxPerMillion
            ? perMillion
            : throw new FeedException($"{where}: '{name}' is {element.GetProperty(name).GetRawText()} per token ({(double.IsFinite(perMillion) ? $"${perMillion:G4}" : "an infinite price")} per 1M tokens): not a price");
    }

    // A limit of 0 (moderation's max_output_tokens) means "not applicable" there, not a limit. Windows run to a few
    // million tokens; a billion is a broken feed.
    private static long? Count(JsonElement element, string name, string where)
    {
        if (Number(element, name, where) is not double count || count <= 0)
        {
            return null;
        }

        return count <= 1_000_000_000
            ? (long)count
            : throw new FeedException($"{where}: '{name}' is {element.GetProperty(name).GetRawText()}: not a token count");
    }

    private static bool? Flag(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            var other => throw new FeedException($"{where}: '{name}' must be true or false, found {Describe(other)}"),
        } : null;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

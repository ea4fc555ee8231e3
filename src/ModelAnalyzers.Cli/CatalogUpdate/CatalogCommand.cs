using System.Globalization;
using System.Net.Http.Headers;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>model-audit catalog update: writes or refreshes a catalog overlay from the feeds teams already use.</summary>
internal static class CatalogCommand
{
    public const string Usage = """
        Usage: model-audit catalog update [options]

          --deprecations <file|url>      deprecations.info's data.json (OpenAI rows): notice, shutdown, replacement
          --prices <file|url>            LiteLLM's model_prices_and_context_window.json: prices, limits, flags
          --prices-date <yyyy-MM-dd>     the day the price file was fetched (without it, the catalog's values win conflicts)
          --openai-models                GET https://api.openai.com/v1/models with OPENAI_API_KEY: ids and shutdown_date
          --openai-models-file <file>    a saved /v1/models response instead
          --output <file>                the overlay to write (default: modelanalyzers.models.json)
          --dry-run                      print the summary and the diff; write nothing
          -h, --help                     show this help

        Exit codes: 0 done, 2 usage error, or a feed or the existing overlay could not be used (nothing written).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? deprecations = null, prices = null, apiFile = null, overlayPath = "modelanalyzers.models.json";
        DateTime? pricesDate = null;
        bool api = false, dryRun = false;
        for (int i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--deprecations": deprecations = Value(); break;
                case "--prices": prices = Value(); break;
                case "--openai-models": api = true; break;
                case "--openai-models-file": apiFile = Value(); break;
                case "--output": overlayPath = Value(); break;
                case "--dry-run": dryRun = true; break;
                case "--prices-date":
                    if (!DateTime.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return Fail(error, "--prices-date expects a date as yyyy-MM-dd");
                    }

                    pricesDate = date;
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    return Fail(error, $"unknown option '{args[i]}'");
            }
        }

        if (overlayPath is null || (deprecations is null && prices is null && apiFile is null && !api))
        {
            return Fail(error, "name at least one feed: --deprecations, --prices, --openai-models or --openai-models-file" + (overlayPath is null ? "; --output needs a file" : ""));
        }

        var feeds = new List<FeedModel>();
        string? existing;
        try
        {
            if (deprecations is not null)
            {
                feeds.AddRange(Feeds.ReadDeprecations(deprecations, await ReadAsync(deprecations, null)));
            }

            if (prices is not null)
            {
                feeds.AddRange(Feeds.ReadPrices(prices, await ReadAsync(prices, null), pricesDate));
            }

            if (apiFile is not null)
            {
                feeds.AddRange(Feeds.ReadOpenAIModels(apiFile, await ReadAsync(apiFile, null), File.GetLastWriteTimeUtc(apiFile).Date));
            }

            if (api)
            {
                string key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new FeedException("--openai-models needs OPENAI_API_KEY");
                const string url = "https://api.openai.com/v1/models";
                feeds.AddRange(Feeds.ReadOpenAIModels(url, await ReadAsync(url, key), DateTime.UtcNow.Date));
            }

            existing = File.Exists(overlayPath) ? await File.ReadAllTextAsync(overlayPath) : null;
        }
        catch (FeedException e)
        {
            return Fail(error, e.Message + "; nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
        {
            return Fail(error, e.Message + "; nothing was written");
        }

        UpdateResult update;
        try
        {
            update = CatalogUpdater.Build(ModelCatalog.BuiltIn, feeds, existing, overlayPath);
        }
        catch (FeedException e)
        {
            return Fail(error, e.Message);
        }

        // Never write an overlay the package would reject (MDL0901).
        if (CatalogUpdater.Check(ModelCatalog.BuiltIn, overlayPath, update.OverlayText) is { Count: > 0 } problems)
        {
            return Fail(error, "the overlay would not be accepted by the package, so nothing was written: "
                + string.Join("; ", problems.Select(p => $"({p.Line},{p.Column}) {p.Message}")));
        }

        output.Write(update.Summary());
        if (dryRun)
        {
            output.Write(UnifiedDiff.Create(Path.GetFileName(overlayPath), existing ?? "", update.OverlayText));
            return 0;
        }

        if (existing == update.OverlayText)
        {
            output.WriteLine($"{overlayPath} is up to date");
            return 0;
        }

        // Written whole or not at all: a temporary file beside it, then a rename.
        string temporary = overlayPath + ".tmp";
        await File.WriteAllTextAsync(temporary, update.OverlayText);
        File.Move(temporary, overlayPath, overwrite: true);
        output.WriteLine($"wrote {overlayPath}");
        return 0;
    }

    /// <summary>A file path or an http(s) URL: one code path for both.</summary>
    private static async Task<string> ReadAsync(string fileOrUrl, string? bearer)
    {
        if (!fileOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !fileOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(fileOrUrl) ? await File.ReadAllTextAsync(fileOrUrl) : throw new FeedException($"{fileOrUrl}: no such file");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Get, fileOrUrl);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync()
            : throw new FeedException($"{fileOrUrl}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("model-audit catalog update: " + message);
        return 2;
    }
}

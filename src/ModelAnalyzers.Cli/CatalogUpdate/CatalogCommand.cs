using System.Net.Http.Headers;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>model-audit catalog update: writes or refreshes a catalog overlay from the feeds teams already use.</summary>
internal static class CatalogCommand
{
    public static async Task<int> RunAsync(CatalogUpdateOptions options, TextWriter output, TextWriter error)
    {
        var (deprecations, prices, pricesDate, api, apiFile, overlayPath, dryRun, azureSchedule) = options;
        var feeds = new List<FeedModel>();
        (List<AzureScheduleRow> Rows, DateTime? PageDate)? schedule = null;
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

            if (azureSchedule is not null)
            {
                schedule = AzureSchedule.Read(azureSchedule, await ReadAsync(azureSchedule, null));
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
            var azure = schedule is { } read ? AzureScheduleImport.Build(ModelCatalog.BuiltIn, read.Rows, FeedName(azureSchedule!), read.PageDate) : ((System.Text.Json.Nodes.JsonArray, List<string>, List<string>)?)null;
            update = CatalogUpdater.Build(ModelCatalog.BuiltIn, feeds, existing, overlayPath, azure);
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

        await AtomicFile.WriteAsync(overlayPath, update.OverlayText);
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

    /// <summary>A URL as given; a file by its name (the overlay's sources do not carry a machine's paths).</summary>
    private static string FeedName(string fileOrUrl) =>
        fileOrUrl.Contains("://", StringComparison.Ordinal) ? fileOrUrl : "Microsoft's model retirement schedule (" + Path.GetFileName(fileOrUrl) + ")";

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("model-audit catalog update: " + message);
        return 2;
    }
}

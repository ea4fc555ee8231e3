using System.IO.Compression;
using System.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.CatalogUpdate;
using ModelAnalyzers.Cli.Usage;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>Each input that once crashed model-audit or wrote nonsense, answered now with a message and nothing written.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("model-audit-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int Code, string Output, string Error, string Overlay)> UpdateAsync(string? deprecations = null, string? prices = null, bool dryRun = false)
    {
        string overlay = Path.Combine(_directory, "modelanalyzers.models.json");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CatalogCommand.RunAsync(new CatalogUpdateOptions(deprecations, prices, null, false, null, overlay, dryRun), output, error);
        return (code, output.ToString(), error.ToString(), overlay);
    }

    [Fact]
    public void ACorruptGzipExportIsNamedAndLeftOut()
    {
        byte[] gzip;
        using (var buffer = new MemoryStream())
        {
            using (var zip = new GZipStream(buffer, CompressionLevel.Fastest))
            {
                zip.Write(Encoding.UTF8.GetBytes("model,input_tokens,output_tokens\ngpt-4o,1000,200\n"));
            }

            gzip = buffer.ToArray();
        }

        gzip[gzip.Length / 2] ^= 0xFF;
        string path = Path.Combine(_directory, "usage.csv.gz");
        File.WriteAllBytes(path, gzip);

        var error = Assert.Throws<FormatException>(() => UsageReader.Read(path, ModelCatalog.BuiltIn));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("-0.000001")]
    [InlineData("1e400")]
    public async Task AnAbsurdPriceIsRefusedAndNothingIsWrittenEvenWithDryRun(string price)
    {
        string prices = Write("prices.json", $$"""{ "gpt-4o": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": {{price}}, "output_cost_per_token": 0.00001 } }""");

        foreach (bool dryRun in new[] { true, false })
        {
            var (code, output, error, overlay) = await UpdateAsync(prices: prices, dryRun: dryRun);

            Assert.Equal(2, code);
            Assert.Contains("entry 'gpt-4o'", error, StringComparison.Ordinal);
            Assert.Contains("input_cost_per_token", error, StringComparison.Ordinal);
            Assert.Contains("nothing was written", error, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(overlay));
        }
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("2207-01-01")]
    public async Task ADateOutsideTheCenturyIsRefused(string date)
    {
        string feed = Write("deprecations.json", $$"""[ { "provider": "OpenAI", "model_id": "gpt-4o", "shutdown_date": "{{date}}", "deprecation_date": "2026-10-14", "replacement_models": [] } ]""");

        var (code, _, error, overlay) = await UpdateAsync(deprecations: feed);

        Assert.Equal(2, code);
        Assert.Contains("outside 2015-2100", error, StringComparison.Ordinal);
        Assert.False(File.Exists(overlay));
    }

    [Fact]
    public async Task AModelIsNeverWrittenAsItsOwnReplacementNorInACycle()
    {
        string feed = Write("deprecations.json", """
            [
              { "provider": "OpenAI", "model_id": "sora-2", "shutdown_date": "2026-09-24", "deprecation_date": "2026-03-24", "replacement_models": ["sora-2"], "last_observed": "2027-01-01" },
              { "provider": "OpenAI", "model_id": "gpt-6-luna", "deprecation_date": "2027-01-02", "shutdown_date": "2027-07-02", "replacement_models": ["gpt-4o-mini"], "last_observed": "2027-01-05" }
            ]
            """);

        var (code, output, _, overlay) = await UpdateAsync(deprecations: feed, dryRun: true);

        Assert.Equal(0, code);
        Assert.Contains("sora-2 replacement: 'sora-2' is the model itself", output, StringComparison.Ordinal);
        // gpt-4o-mini's own replacement (the catalog's) is gpt-6-luna: writing gpt-6-luna -> gpt-4o-mini would close a circle.
        Assert.Contains("gpt-6-luna replacement: 'gpt-4o-mini' leads back to it (a replacement cycle)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-> 'sora-2'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("-> 'gpt-4o-mini'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(overlay));
    }

    // A lone surrogate escape is valid JSON that .NET cannot turn into a string: every JSON reader names the file.
    [Fact]
    public async Task ALoneSurrogateInAJsonStringIsNamedNotThrown()
    {
        string usage = Write("usage.json", """{ "object": "page", "data": [ { "object": "bucket", "start_time": 1756684800, "end_time": 1756771200, "results": [ { "object": "organization.usage.completions.result", "model": "gpt-4\ud800", "input_tokens": 10, "output_tokens": 2, "num_model_requests": 1 } ] } ] }""");
        var usageError = Assert.Throws<FormatException>(() => UsageReader.Read(usage, ModelCatalog.BuiltIn));
        Assert.StartsWith(usage, usageError.Message, StringComparison.Ordinal);

        string baseline = Write("model-audit.baseline.json", """{ "findings": [ { "fingerprint": "ab\udc00" } ] }""");
        var baselineError = Assert.Throws<FormatException>(() => Gates.Baseline.Read(baseline));
        Assert.StartsWith(baseline, baselineError.Message, StringComparison.Ordinal);

        string feed = Write("deprecations.json", """[ { "provider": "OpenAI", "model_id": "gpt-4\ud800", "shutdown_date": "2026-10-23" } ]""");
        var (code, _, error, overlay) = await UpdateAsync(deprecations: feed);
        Assert.Equal(2, code);
        Assert.Contains(feed, error, StringComparison.Ordinal);
        Assert.False(File.Exists(overlay));
    }

    [Fact]
    public void AnUnexpectedErrorEndsWithAShortMessageTheVersionAndExitCode3()
    {
        var error = new StringWriter();

        int code = Crash.Report(new InvalidCastException("boom"), verbose: false, error);

        Assert.Equal(3, code);
        string text = error.ToString();
        Assert.Matches(@"^model-audit \d+\.\d+\.\d+[^:]*: unexpected error: InvalidCastException: boom", text);
        string log = System.Text.RegularExpressions.Regex.Match(text, @"the details are in (\S+) ").Groups[1].Value;
        Assert.Contains("System.InvalidCastException: boom", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        File.Delete(log);

        var verbose = new StringWriter();
        Crash.Report(new InvalidCastException("boom"), verbose: true, verbose);
        Assert.Contains("System.InvalidCastException: boom", verbose.ToString(), StringComparison.Ordinal);
    }
}

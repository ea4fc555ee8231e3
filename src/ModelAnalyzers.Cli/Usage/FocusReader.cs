using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelAnalyzers.Catalog;
using Sylvan.Data.Csv;

namespace ModelAnalyzers.Cli.Usage;

/// <summary>
/// Azure Cost Management's "Cost and usage details (FOCUS)" export: one row per charge period, resource and meter, with
/// the bill's own cost. A row is traffic of a model when its meter names one (Azure meters read "model version direction
/// deployment-type", e.g. "gpt-4o-0806-Inp-glbl" or "gpt 4o mini 0718 cchd Inp glbl") and is billed in tokens; a
/// deployment named by the resource id (".../deployments/NAME") or a "deployment" tag is what the code calls, and an
/// overlay's deployments say which model it runs. Rows of other services are not usage of a model and are skipped;
/// model rows that cannot be tied to a model or to tokens are reported with their line and cost.
/// </summary>
internal static partial class FocusReader
{
    /// <summary>Columns only a FOCUS export has: how the CSV reader tells it from the dashboard's export.</summary>
    public static bool IsFocus(ICollection<string> columns) =>
        columns.Contains("ChargePeriodStart") && (columns.Contains("BilledCost") || columns.Contains("EffectiveCost"));

    public static UsageExport Read(string path, CsvDataReader csv, Dictionary<string, int> columns, ModelCatalog catalog)
    {
        foreach (string required in new[] { "ChargePeriodStart", "x_SkuMeterName" })
        {
            if (!columns.ContainsKey(required))
            {
                throw new FormatException($"{path}: line 1: no '{required}' column: export 'Cost and usage details (FOCUS)' from Cost Management");
            }
        }

        var meters = new MeterModels(catalog);
        var export = new UsageExport();
        int line = 1;
        while (csv.Read())
        {
            string at = $"{path}: line {++line}";
            string category = UsageReader.Field(csv, columns, "ChargeCategory") ?? "Usage";
            string meter = UsageReader.Field(csv, columns, "x_SkuMeterName") ?? "";
            string? deployment = Deployment(csv, columns, at);
            string? model = meters.Find(meter);
            if (!category.Equals("Usage", StringComparison.OrdinalIgnoreCase) || (model is null && deployment is null && !IsAzureOpenAI(csv, columns)))
            {
                // Purchases, taxes, credits, and other services: not traffic of a model.
                continue;
            }

            double? cost = Cost(csv, columns, at);
            string currency = UsageReader.Field(csv, columns, "BillingCurrency") ?? "USD";
            string where = $"{at}: resource '{UsageReader.Field(csv, columns, "ResourceName") ?? UsageReader.Field(csv, columns, "ResourceId") ?? "?"}', meter '{meter}'"
                + (cost is double c ? string.Create(CultureInfo.InvariantCulture, $" ({c:0.00} {currency})") : "");
            if (Tokens(csv, columns, at) is not long tokens)
            {
                export.Unmapped.Add($"{where}: billed in '{UsageReader.Field(csv, columns, "ConsumedUnit") ?? UsageReader.Field(csv, columns, "PricingUnit")}', not in tokens (provisioned throughput is billed by the hour)");
                continue;
            }

            if (model is null && deployment is null)
            {
                export.Unmapped.Add($"{where}: no model: the meter names none and no deployment is named (a 'deployment' tag, or the resource id's /deployments/NAME)");
                continue;
            }

            string words = " " + Normalize(meter).Replace('-', ' ') + " ";
            bool cached = words.Contains(" cached ") || words.Contains(" cchd ") || words.Contains(" cd ");
            bool input = cached || words.Contains(" inp ") || words.Contains(" input ");
            bool output = words.Contains(" outp ") || words.Contains(" output ") || words.Contains(" out ");
            if (input == output)
            {
                export.Unmapped.Add($"{where}: the meter does not say whether its tokens are input or output");
                continue;
            }

            export.Rows.Add(new UsageRow(deployment ?? model!, UsageReader.CsvDate(csv, columns, at, "ChargePeriodStart"), UsageReader.CsvDate(csv, columns, at, "ChargePeriodEnd"),
                InputTokens: input ? tokens : 0, CachedInputTokens: cached ? tokens : 0, OutputTokens: output ? tokens : 0, Requests: 0)
            {
                MeterModel = deployment is null ? null : model,
                ExportedCost = cost,
                Currency = currency,
            });
        }

        return export;
    }

    private static bool IsAzureOpenAI(CsvDataReader csv, Dictionary<string, int> columns) =>
        new[] { "ServiceName", "x_SkuMeterCategory", "x_SkuMeterSubcategory" }
            .Select(c => UsageReader.Field(csv, columns, c) ?? "")
            .Any(v => v.Contains("OpenAI", StringComparison.OrdinalIgnoreCase) || v.Contains("Foundry", StringComparison.OrdinalIgnoreCase));

    /// <summary>The deployment the code calls: the resource id's last /deployments/NAME, else a "deployment" tag.</summary>
    private static string? Deployment(CsvDataReader csv, Dictionary<string, int> columns, string at)
    {
        if (UsageReader.Field(csv, columns, "ResourceId") is { } id && id.LastIndexOf("/deployments/", StringComparison.OrdinalIgnoreCase) is int i and >= 0)
        {
            string name = id[(i + "/deployments/".Length)..].Trim('/');
            if (name.Length > 0 && !name.Contains('/'))
            {
                return name;
            }
        }

        if (UsageReader.Field(csv, columns, "Tags") is not { Length: > 0 } tags)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(tags.Trim() is ['{', ..] ? tags : "{" + tags + "}");
            return document.RootElement.ValueKind != JsonValueKind.Object ? null
                : document.RootElement.EnumerateObject()
                    .Where(p => p.Name.Equals("deployment", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => p.Value.GetString())
                    .FirstOrDefault();
        }
        catch (JsonException)
        {
            throw new FormatException($"{at}: 'Tags' is not a JSON object: {tags}");
        }
    }

    private static double? Cost(CsvDataReader csv, Dictionary<string, int> columns, string at)
    {
        foreach (string column in new[] { "EffectiveCost", "BilledCost" })
        {
            if (UsageReader.Field(csv, columns, column) is { Length: > 0 } text)
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double cost)
                    ? cost
                    : throw new FormatException($"{at}: '{column}' must be a number, found '{text}'");
            }
        }

        return null;
    }

    /// <summary>ConsumedQuantity in ConsumedUnit (else PricingQuantity in PricingUnit) as tokens; null when the unit is not tokens.</summary>
    private static long? Tokens(CsvDataReader csv, Dictionary<string, int> columns, string at)
    {
        foreach (var (quantityColumn, unitColumn) in new[] { ("ConsumedQuantity", "ConsumedUnit"), ("PricingQuantity", "PricingUnit") })
        {
            if (UsageReader.Field(csv, columns, quantityColumn) is not { Length: > 0 } text)
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double quantity) || quantity < 0)
            {
                throw new FormatException($"{at}: '{quantityColumn}' must be a number of at least 0, found '{text}'");
            }

            var unit = TokenUnit().Match(UsageReader.Field(csv, columns, unitColumn) ?? "");
            if (!unit.Success)
            {
                return null;
            }

            double block = (unit.Groups[1].Success ? double.Parse(unit.Groups[1].Value, CultureInfo.InvariantCulture) : 1)
                * (unit.Groups[2].Value.ToUpperInvariant() switch { "K" => 1e3, "M" => 1e6, _ => 1 });
            return (long)Math.Round(quantity * block);
        }

        throw new FormatException($"{at}: no quantity: 'ConsumedQuantity' (or 'PricingQuantity') is empty");
    }

    private static string Normalize(string meter) => Spaces().Replace(meter.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)?\s*([KkMm])?\s*tokens?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TokenUnit();

    [GeneratedRegex(@"[\s_]+")]
    private static partial Regex Spaces();

    /// <summary>The longest catalog id (or Azure spelling, gpt-35-turbo) a meter name starts with, as whole words.</summary>
    private sealed class MeterModels(ModelCatalog catalog)
    {
        private readonly List<(string Prefix, string Model)> _prefixes = catalog.Models.Where(m => m.SnapshotOf is null).Select(m => (m.Id, m.Id))
            .Concat(catalog.Azure.Models.Where(a => catalog.Find(a.OpenAI) is not null).Select(a => (a.Name, a.OpenAI)))
            .OrderByDescending(p => p.Item1.Length)
            .ToList();

        public string? Find(string meter)
        {
            string name = Normalize(meter);
            foreach (var (prefix, model) in _prefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '-'))
                {
                    return model;
                }
            }

            return null;
        }
    }
}

using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.Usage;

/// <summary>Joins exported usage to the audited models and prices it: what the traffic cost, and what it would cost at each suggested target.</summary>
internal static class UsagePricing
{
    private const double DaysPerMonth = 30;

    public static void Apply(AuditReport report, IEnumerable<string> files, ModelCatalog catalog, Progress progress)
    {
        catalog = catalog.At(report.AsOf);
        var byModel = report.Models.ToDictionary(m => m.Model, StringComparer.Ordinal);
        var unmatched = new SortedDictionary<string, UsageSummary>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            UsageExport export;
            try
            {
                export = UsageReader.Read(file, catalog);
            }
            catch (FormatException e)
            {
                // Named with its file and line or field; the audit goes on without this file.
                progress.Warn($"usage: {e.Message}; the file is left out");
                continue;
            }

            report.UsageFiles.Add(file);
            // Listed in the report with why (the console, Markdown and JSON all carry them).
            report.UnmappedUsage.AddRange(export.Unmapped);

            foreach (var row in export.Rows)
            {
                string key = Key(row, byModel.ContainsKey, catalog);
                var usage = byModel.TryGetValue(key, out var summary)
                    ? summary.Usage ??= new UsageSummary { Model = key }
                    : unmatched.TryGetValue(key, out var other) ? other : unmatched[key] = new UsageSummary { Model = key };
                Add(usage, row);
            }
        }

        foreach (var summary in report.Models)
        {
            if (summary.Usage is { } usage)
            {
                Price(usage, PricedAs(summary.Model, catalog), summary.Target is { } target ? catalog.Find(target) : null);
            }
        }

        foreach (var usage in unmatched.Values)
        {
            Price(usage, PricedAs(usage.Model, catalog), null);
            report.UnmatchedUsage.Add(usage);
        }

        // Per project: each model's saving split by the project's share of its sites.
        foreach (var project in report.Projects)
        {
            var shares = report.Models
                .Where(m => m.Usage?.MonthlySavingUsd is not null && m.SitesByProject.ContainsKey(project.Name) && m.Sites > 0)
                .Select(m => m.Usage!.MonthlySavingUsd!.Value * m.SitesByProject[project.Name] / m.Sites)
                .ToList();
            project.UsageMonthlySavingUsd = shares.Count == 0 ? null : Math.Round(shares.Sum(), 2);
        }
    }

    /// <summary>
    /// Which audited model a row is traffic of: the name itself, the model an overlay maps the deployment to, the alias a
    /// dated snapshot (gpt-4o-2024-08-06) served, the model the meter names. With no site for any: the most specific model.
    /// </summary>
    private static string Key(UsageRow row, Func<string, bool> audited, ModelCatalog catalog)
    {
        string? deployed = catalog.Deployments.TryGetValue(row.Model, out var d) ? d.Model : null;
        var names = new[] { row.Model, deployed, row.MeterModel }.OfType<string>()
            .SelectMany(n => new[] { n, catalog.Find(n)?.SnapshotOf }).OfType<string>().ToList();
        return names.FirstOrDefault(audited)
            ?? names.Skip(1).Select(n => catalog.Find(n)?.Id ?? catalog.Azure.Find(n)?.OpenAI).FirstOrDefault(n => n is not null)
            ?? names[0];
    }

    /// <summary>The catalog model whose prices apply: the id, the model a deployment runs, or the OpenAI model an Azure name is.</summary>
    private static ModelInfo? PricedAs(string model, ModelCatalog catalog) =>
        catalog.Find(model)
        ?? (catalog.Deployments.TryGetValue(model, out var deployed) ? catalog.Find(deployed.Model) : null)
        ?? (catalog.Azure.Find(model) is { } azure ? catalog.Find(azure.OpenAI) : null);

    private static void Add(UsageSummary usage, UsageRow row)
    {
        usage.ExportedAs.Add(row.Model);
        usage.Units += row.Units;
        usage.UnitName ??= row.UnitName;
        if (row.ExportedCost is double exported)
        {
            // Mixed currencies cannot be summed: the export's own cost is then not shown.
            bool first = usage.ExportedCurrency is null;
            usage.ExportedCost = first || usage.ExportedCurrency == row.Currency ? (usage.ExportedCost ?? 0) + exported : null;
            usage.ExportedCurrency = first || usage.ExportedCurrency == row.Currency ? row.Currency : "mixed";
        }

        long cached = Math.Min(row.CachedInputTokens, row.InputTokens);
        usage.InputTokens += row.InputTokens;
        usage.CachedInputTokens += cached;
        usage.OutputTokens += row.OutputTokens;
        if (row.ExportedCost is not null)
        {
            usage.BilledTokens = usage.BilledTokens.Plus(row.InputTokens, cached, row.OutputTokens);
        }

        usage.Requests += row.Requests;
        if (row.Start is DateTime start && (usage.From is null || start < usage.From))
        {
            usage.From = start;
        }

        // An API bucket ends at its end_time; a CSV day row covers its day.
        if ((row.End ?? row.Start?.AddDays(1)) is DateTime end && (usage.To is null || end > usage.To))
        {
            usage.To = end;
        }
    }

    private static void Price(UsageSummary usage, ModelInfo? model, ModelInfo? target)
    {
        usage.ExportedCost = usage.ExportedCost is double exported ? Math.Round(exported, 2) : null;
        var tokens = new TokenCounts(usage.InputTokens, usage.CachedInputTokens, usage.OutputTokens);

        // Images, speech and transcription are billed per image, character or second, which the catalog does not price.
        double? priced = model is null || (usage.Units > 0 && usage.InputTokens + usage.OutputTokens == 0) ? null : Cost(tokens, model);
        usage.CostUsd = priced is double c ? Math.Round(c, 2) : null;
        usage.BilledAtCatalogUsd = model is not null && usage.ExportedCost is not null && Cost(usage.BilledTokens, model) is double billed ? Math.Round(billed, 2) : null;
        if (target is null || priced is not double cost || Cost(tokens, target) is not double projected)
        {
            return;
        }

        usage.ProjectedCostUsd = Math.Round(projected, 2);
        double scale = usage.PeriodDays is double days ? DaysPerMonth / days : 1;
        usage.MonthlySavingUsd = Math.Round((cost - projected) * scale, 2);
        usage.ProjectionIsEstimate = target.IsReasoning && model?.IsReasoning != true;
    }

    /// <summary>Uncached input at the input price, cached input at the cached price (the input price when none is listed), output at the output price.</summary>
    private static double? Cost(TokenCounts tokens, ModelInfo model)
    {
        if (model.InputPer1M is not double input || (tokens.Output > 0 && model.OutputPer1M is null))
        {
            return null;
        }

        double cached = model.CachedInputPer1M ?? input;
        return ((tokens.Input - tokens.Cached) * input + tokens.Cached * cached + tokens.Output * (model.OutputPer1M ?? 0)) / 1_000_000;
    }
}

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
            List<UsageRow> rows;
            try
            {
                rows = UsageReader.Read(file);
            }
            catch (FormatException e)
            {
                // Named with its file and line or field; the audit goes on without this file.
                progress.Warn($"usage: {e.Message}; the file is left out");
                continue;
            }

            report.UsageFiles.Add(file);
            foreach (var row in rows)
            {
                // The export names dated snapshots (gpt-4o-2024-08-06): they are what the alias in the code served.
                string? alias = catalog.Find(row.Model)?.SnapshotOf;
                string key = byModel.ContainsKey(row.Model) ? row.Model : alias is not null && byModel.ContainsKey(alias) ? alias : alias ?? row.Model;
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
                Price(usage, catalog.Find(summary.Model) ?? (catalog.Deployments.TryGetValue(summary.Model, out var deployed) ? catalog.Find(deployed) : null),
                    summary.Target is { } target ? catalog.Find(target) : null);
            }
        }

        foreach (var usage in unmatched.Values)
        {
            Price(usage, catalog.Find(usage.Model), null);
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

    private static void Add(UsageSummary usage, UsageRow row)
    {
        usage.ExportedAs.Add(row.Model);
        usage.InputTokens += row.InputTokens;
        usage.CachedInputTokens += Math.Min(row.CachedInputTokens, row.InputTokens);
        usage.OutputTokens += row.OutputTokens;
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
        usage.CostUsd = model is null ? null : Cost(usage, model);
        if (target is null || usage.CostUsd is not double cost || Cost(usage, target) is not double projected)
        {
            return;
        }

        usage.ProjectedCostUsd = Math.Round(projected, 2);
        double scale = usage.PeriodDays is double days ? DaysPerMonth / days : 1;
        usage.MonthlySavingUsd = Math.Round((cost - projected) * scale, 2);
        usage.ProjectionIsEstimate = target.IsReasoning && model?.IsReasoning != true;
        usage.CostUsd = Math.Round(cost, 2);
    }

    /// <summary>Uncached input at the input price, cached input at the cached price (the input price when none is listed), output at the output price.</summary>
    private static double? Cost(UsageSummary usage, ModelInfo model)
    {
        if (model.InputPer1M is not double input || (usage.OutputTokens > 0 && model.OutputPer1M is null))
        {
            return null;
        }

        double cached = model.CachedInputPer1M ?? input;
        return ((usage.InputTokens - usage.CachedInputTokens) * input + usage.CachedInputTokens * cached + usage.OutputTokens * (model.OutputPer1M ?? 0)) / 1_000_000;
    }
}

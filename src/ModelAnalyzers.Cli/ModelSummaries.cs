using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Cli;

/// <summary>The report's models table: per model its sites, projects, worst status, target and price change; and the status words.</summary>
internal static class ModelSummaries
{
    /// <summary>Per model: sites, projects, the most severe status, the suggested target and the price change.</summary>
    public static void Summarize(AuditReport report, List<(Site Site, Verdict? Verdict)> inventory, string? fixTarget)
    {
        foreach (var group in inventory.GroupBy(i => i.Site.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Sites outside the compilation (deployments, environment files) carry their rule on the site itself.
            var worst = group.OrderBy(i => Severity(RuleOf(i.Verdict) ?? i.Site.RuleId)).First();
            var summary = new ModelSummary { Model = group.Key, Status = StatusOf(RuleOf(worst.Verdict) ?? worst.Site.RuleId), Sites = group.Count(), Target = worst.Site.Target };
            summary.Projects.UnionWith(group.Select(i => i.Site.Project));
            foreach (var byProject in group.GroupBy(i => i.Site.Project, StringComparer.Ordinal))
            {
                summary.SitesByProject[byProject.Key] = byProject.Count();
            }
            if (worst.Verdict is { } verdict)
            {
                summary.ShutdownOn = (verdict.Date ?? verdict.Model.ShutdownOn) is DateTime shutdown ? ModelCatalog.FormatDate(shutdown) : null;
                var offer = verdict.Offers.FirstOrDefault(o => o.Target.Id == fixTarget) ?? verdict.Offers.FirstOrDefault();
                summary.Target = offer?.Target.Id ?? summary.Target;
                // The analyzers' own price change: overlays and the configured token volumes applied, as in the message.
                if (offer?.Price is { } change)
                {
                    summary.InputPriceChangePercent = Percent(-change.InputSaving);
                    summary.OutputPriceChangePercent = Percent(-change.OutputSaving);
                    summary.BlendedSavingPercent = Percent(change.BlendedSaving);
                    summary.MonthlySavingUsd = change.MonthlySaving is double monthly ? Math.Round(monthly, 2) : null;
                }
            }

            report.Models.Add(summary);
        }
    }

    public static string? RuleOf(Verdict? verdict) => verdict is null ? null : RuleIds.Of(verdict.Kind);

    private static double? Percent(double? fraction) => fraction is double f ? Math.Round(f * 100, 1) : null;

    private static int Severity(string? ruleId) => ruleId switch
    {
        RuleIds.Retired => 0,
        RuleIds.Deprecated => 1,
        RuleIds.Misspelled => 2,
        RuleIds.Costlier => 3,
        _ => 4,
    };

    public static string StatusOf(string? ruleId) => ruleId switch
    {
        RuleIds.Retired => "retired",
        RuleIds.Deprecated => "deprecated",
        RuleIds.Costlier => "costlier",
        RuleIds.Misspelled => "misspelled",
        _ => "fine",
    };
}

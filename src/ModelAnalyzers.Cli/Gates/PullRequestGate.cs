namespace ModelAnalyzers.Cli.Gates;

/// <summary>
/// What a pull request's gate counts: without --baseline and --changed-since, every model's status (as before); with
/// them, only the findings that are new (not in the baseline) and on changed lines. With --usage, only models that
/// still have traffic count ("fail when a retired model is still called").
/// </summary>
internal static class PullRequestGate
{
    public static async Task ApplyAsync(AuditReport report, AuditOptions options, string entry)
    {
        string root = Path.GetDirectoryName(entry)!;
        if (options.Baseline is { } file)
        {
            // Before the changed-lines filter: an accepted finding outside the changed lines is not stale.
            var pool = new Dictionary<string, int>(StringComparer.Ordinal);
            var entries = Baseline.Read(file);
            foreach (var (fingerprint, _) in entries)
            {
                pool[fingerprint] = pool.TryGetValue(fingerprint, out int n) ? n + 1 : 1;
            }

            for (int i = 0; i < report.Findings.Count; i++)
            {
                var site = report.Findings[i];
                string fingerprint = Baseline.Fingerprint(site.RuleId ?? "", RelativePath.Of(root, site.File), site.Model, site.Shape);
                bool accepted = pool.TryGetValue(fingerprint, out int left) && left > 0;
                pool[fingerprint] = left - (accepted ? 1 : 0);
                report.Findings[i] = site with { Baseline = accepted ? BaselineState.Accepted : BaselineState.New };
            }

            report.BaselineFile = file;
            foreach (var (fingerprint, description) in entries)
            {
                if (pool.TryGetValue(fingerprint, out int left) && left > 0)
                {
                    pool[fingerprint] = left - 1;
                    report.StaleBaseline.Add(description);
                }
            }
        }

        if (options.ChangedSince is { } since)
        {
            var changed = await ChangedLines.ReadAsync(root, since);
            report.Findings.RemoveAll(site => !ChangedLines.Contains(changed, site.File, site.Line));
            report.ChangedSince = since;
        }
    }

    public static bool Fails(AuditReport report, AuditOptions options)
    {
        if (options.FailOn == FailOn.None)
        {
            return false;
        }

        var withTraffic = report.Models.Where(m => m.Usage is { Requests: > 0 } or { InputTokens: > 0 }).Select(m => m.Model).ToHashSet(StringComparer.Ordinal);
        bool usage = report.UsageFiles.Count > 0;
        if (options.Baseline is null && options.ChangedSince is null)
        {
            return report.Models.Any(m => (!usage || withTraffic.Contains(m.Model)) && Rank(m.Status) <= (int)options.FailOn);
        }

        return report.Findings.Any(f => f.IsNew && (!usage || withTraffic.Contains(f.Model))
            && Rank(ModelSummaries.StatusOf(f.RuleId)) <= (int)options.FailOn);
    }

    // --fail-on: retired fails on retired; deprecated on deprecated or retired; costlier on any of the three.
    private static int Rank(string status) => status switch { "retired" => 1, "deprecated" => 2, "costlier" => 3, _ => int.MaxValue };
}

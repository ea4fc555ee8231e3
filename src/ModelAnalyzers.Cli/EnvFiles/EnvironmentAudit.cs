using System.Text;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers.Cli.EnvFiles;

/// <summary>
/// .env files, Compose files, Kubernetes manifests and Helm values under the audited folder: a value is judged when
/// its name binds to a configuration key a site reads (Ai__ChatModel for Ai:ChatModel), or names a model
/// (OPENAI_MODEL, and then only a known id), through the package's judgements. Findings join the report like the
/// analyzers'; --fix rewrites the values in place, in the file's own encoding.
/// </summary>
internal static class EnvironmentAudit
{
    private const string ProjectName = "(environment files)";

    public static List<FileChange> Run(string entry, List<ModelJudgements> judgements, AuditReport report, List<(Site Site, Verdict? Verdict)> inventory, AuditOptions options)
    {
        var changes = new List<FileChange>();
        if (judgements.Count == 0)
        {
            return changes;
        }

        var linked = new HashSet<string>(judgements.SelectMany(j => j.ConfigurationKeysRead), StringComparer.OrdinalIgnoreCase);
        string root = Directory.Exists(entry) ? entry : Path.GetDirectoryName(Path.GetFullPath(entry)) ?? ".";
        var result = new ProjectResult { Name = ProjectName, Path = root, FileGroup = "environment files" };
        foreach (string file in EnvironmentFiles.Under(root))
        {
            if (AuditFile(file, linked, judgements[0], result, report, inventory, options) is { } change)
            {
                changes.Add(change);
            }
        }

        if (result.Counts.Count > 0 || result.Notes.Count > 0)
        {
            report.Projects.Add(result);
        }

        return changes;
    }

    /// <summary>One file: its judged values into the report and inventory, and with --fix the file's new text.</summary>
    private static FileChange? AuditFile(string file, HashSet<string> linked, ModelJudgements judgements, ProjectResult result, AuditReport report,
        List<(Site Site, Verdict? Verdict)> inventory, AuditOptions options)
    {
        string text;
        Encoding encoding;
        try
        {
            (text, encoding) = TextFile.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Notes.Add(new ProjectNote("MDL0900", $"{file}: not read: {e.Message}"));
            return null;
        }

        var fixes = new List<(EnvironmentValue, string)>();
        var values = EnvironmentFiles.Read(file, text, out string? problem);
        foreach (var value in values)
        {
            bool isLinked = linked.Contains(value.ConfigurationKey);
            bool byName = AppSettingsScanner.IsModelKey(value.Name) && judgements.Catalog.Find(value.Value) is not null;
            if (!isLinked && !byName)
            {
                continue;
            }

            var verdict = judgements.JudgeOutsideProject(value.Value);
            string? rule = ModelSummaries.RuleOf(verdict);
            var site = new Site(rule, value.Value, verdict?.Offers.FirstOrDefault()?.Target.Id, result.Name, file, value.Line, value.Column, verdict?.Message ?? "")
            {
                Shape = $"{value.Name}={value.Value}",
            };
            inventory.Add((site, verdict));
            if (verdict is null)
            {
                continue;
            }

            report.Findings.Add(site);
            result.Count(rule!);
            if (options.Fix && options.FixTargetFor(value.Value, verdict.Offers.Select(o => o.Target.Id).ToList()) is { } target)
            {
                fixes.Add((value, target));
            }
        }

        if (problem is not null)
        {
            result.Notes.Add(new ProjectNote("MDL0900", problem));
        }

        return fixes.Count > 0 && EnvironmentFiles.Rewrite(text, fixes) is { } after && after != text ? new FileChange(file, text, after, encoding) : null;
    }
}

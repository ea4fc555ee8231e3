using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// Azure deployments as infrastructure code declares them (model name, version, deployment type), judged by Azure's
/// retirement schedule per version and deployment type: retired (requests fail), deprecated in Azure's sense (no new
/// deployments: a fresh environment cannot be created), retiring on a date, or fine. Azure's prices differ from
/// OpenAI's and are not in the data, so no saving is claimed.
/// </summary>
internal static class AzureVersionJudge
{
    // "Standard: 2026-03-31 (auto-upgrade from 2026-03-09); other deployment types: 2026-10-01"
    private static readonly Regex PerType = new(@"(?<type>[A-Za-z][A-Za-z ]*?)\s*:\s*(?<date>\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant);

    /// <returns>Null when the deployment is fine, or when the model or version is not in the data.</returns>
    public static AzureDeploymentVerdict? Judge(AzureCatalog azure, ModelCatalog catalog, string model, string? version, string? deploymentType, DateTime asOf, int? windowDays)
    {
        if (azure.Find(model) is not { } known)
        {
            return null;
        }

        var entry = version is null ? null : known.Versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
        var retirement = entry?.Retirement ?? known.Retirement;
        DateTime? retires = DateFor(entry?.RetirementNote ?? known.RetirementNote, deploymentType) ?? entry?.RetiresOn ?? known.RetiresOn;
        string? lifecycle = entry?.Lifecycle;
        string what = $"{known.Name}{(version is null ? "" : " " + version)}{(deploymentType is null ? "" : $" ({deploymentType})")}";
        string unversioned = version is not null && entry is null ? $" (version {version} is not in Azure's schedule: judged by the model's latest date)" : "";
        AzureModel? lastNamed = null;
        var (targetModel, targetVersion) = Target(azure, entry?.Replacement ?? known.Replacement, asOf, ref lastNamed);
        if (targetModel is null)
        {
            // Azure's chain of named replacements ends in a model that takes no new deployments: its tier decides.
            (targetModel, targetVersion) = SameTier(azure, catalog, lastNamed ?? known, asOf);
        }

        string move = targetModel is null ? "" : $"; move to {targetModel}{(targetVersion is null ? "" : " " + targetVersion)}";
        string? named = entry?.Replacement ?? known.Replacement;
        string suggestion = named is null ? "" : $" (Azure suggests {named})";
        if (retirement == AzureRetirement.Unknown && lifecycle is null)
        {
            return null;
        }

        if (retires is DateTime date && retirement == AzureRetirement.Exact && date <= asOf || string.Equals(lifecycle, "Retired", StringComparison.OrdinalIgnoreCase))
        {
            return new AzureDeploymentVerdict(AzureDeploymentStatus.Retired, retires,
                $"Azure retired {what}{(retires is DateTime on ? " on " + Format(on) : "")} and requests to it fail{unversioned}{move}{suggestion}", targetModel, targetVersion, named);
        }

        bool noNew = string.Equals(lifecycle, "Deprecated", StringComparison.OrdinalIgnoreCase) || (known.NoNewCustomersFrom ?? entry?.NoNewCustomersFrom) is DateTime from && from <= asOf;
        bool soon = retires is DateTime upcoming && (windowDays is not int days || (upcoming - asOf).TotalDays <= days);
        if (noNew || (soon && retirement != AzureRetirement.Unknown))
        {
            string when = retires is DateTime r ? $"{(retirement == AzureRetirement.NotBefore ? "no earlier than" : "on")} {Format(r)}" : "on a date not yet announced";
            string deprecated = noNew ? "Azure no longer deploys it: a fresh environment fails to deploy it (ServiceModelDeprecated); " : "";
            return new AzureDeploymentVerdict(noNew ? AzureDeploymentStatus.NoNewDeployments : AzureDeploymentStatus.Retiring, retires,
                $"{deprecated}Azure retires {what} {when}{unversioned}{move}{suggestion}", targetModel, targetVersion, named);
        }

        return null;
    }

    /// <summary>The date a retirement note gives the deployment type ("Standard: 2026-03-31"), or its "other deployment types" date.</summary>
    private static DateTime? DateFor(string? note, string? deploymentType)
    {
        if (note is null)
        {
            return null;
        }

        DateTime? other = null;
        foreach (Match match in PerType.Matches(note))
        {
            string type = match.Groups["type"].Value.Trim();
            var date = ModelCatalog.ParseDate(match.Groups["date"].Value);
            if (deploymentType is not null && string.Equals(type, deploymentType, StringComparison.OrdinalIgnoreCase))
            {
                return date;
            }

            if (type.StartsWith("other", StringComparison.OrdinalIgnoreCase))
            {
                other = date;
            }
        }

        return other;
    }

    /// <summary>
    /// The first model Azure's replacement text names ("gpt-35-turbo (0125) or gpt-4o-mini") whose version is live at
    /// <paramref name="asOf"/>: the named version, or the model's newest version that is neither retired nor deprecated;
    /// through the named model's own replacement when it has none. The data does not say which deployment types serve
    /// a version, so the target is not checked against the deployment's type.
    /// </summary>
    private static (string? Model, string? Version) Target(AzureCatalog azure, string? replacement, DateTime asOf, ref AzureModel? lastNamed, int depth = 0)
    {
        if (replacement is null || depth > 4)
        {
            return (null, null);
        }

        foreach (string part in replacement.Split(new[] { " or ", ",", ";" }, StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Regex.Match(part.Trim(), @"^(?<model>[A-Za-z0-9][A-Za-z0-9.\-]*)(\s*\((?<version>[^)]+)\))?");
            if (!match.Success || azure.Find(match.Groups["model"].Value) is not { } candidate)
            {
                continue;
            }

            lastNamed = candidate;
            string? named = match.Groups["version"].Success ? match.Groups["version"].Value.Trim() : null;
            var live = candidate.Versions
                .Where(v => named is null || string.Equals(v.Version, named, StringComparison.OrdinalIgnoreCase))
                .Where(v => IsLive(v, asOf))
                .OrderByDescending(v => v.Version, StringComparer.Ordinal)
                .FirstOrDefault();
            if (live is not null)
            {
                return (candidate.Name, live.Version);
            }

            if (candidate.Versions.Count == 0 && !(candidate.RetiresOn is DateTime end && end <= asOf))
            {
                return (candidate.Name, null);
            }

            // Azure's named replacement is itself deprecated (gpt-4o-mini): follow its own replacement.
            if (Target(azure, candidate.Replacement, asOf, ref lastNamed, depth + 1) is { Model: not null } onward)
            {
                return onward;
            }
        }

        return (null, null);
    }

    /// <summary>
    /// When Azure's named replacements end in a model that takes no new deployments: the longest-lived live Azure
    /// model of the same kind and tier (the intent of a cheap model of the right tier outlives any one model).
    /// </summary>
    private static (string? Model, string? Version) SameTier(AzureCatalog azure, ModelCatalog catalog, AzureModel deployed, DateTime asOf)
    {
        if (catalog.Find(deployed.OpenAI) is not { Tier: { } tier } info)
        {
            return (null, null);
        }

        var best = azure.Models
            .Where(m => m != deployed && catalog.Find(m.OpenAI) is { } other && other.Tier == tier && other.KindGroup == info.KindGroup)
            .SelectMany(m => m.Versions.Where(v => IsLive(v, asOf)).Select(v => (Model: m, Version: v)))
            .OrderByDescending(c => c.Version.RetiresOn ?? DateTime.MaxValue)
            .ThenBy(c => c.Model.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Model is null ? (null, null) : (best.Model.Name, best.Version.Version);
    }

    private static bool IsLive(AzureVersion version, DateTime asOf) =>
        !string.Equals(version.Lifecycle, "Retired", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(version.Lifecycle, "Deprecated", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(version.Lifecycle, "Preview", StringComparison.OrdinalIgnoreCase)
        && !(version.NoNewCustomersFrom is DateTime from && from <= asOf)
        && !(version.RetiresOn is DateTime end && end <= asOf);

    private static string Format(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

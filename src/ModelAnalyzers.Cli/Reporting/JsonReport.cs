using ModelAnalyzers.Cli.Gates;
using System.Globalization;
using System.Text.Json.Nodes;
using static ModelAnalyzers.Cli.ReportText;

namespace ModelAnalyzers.Cli;

/// <summary>The JSON report, as docs/cli-report.schema.json describes it: everything the other formats show, for scripts.</summary>
internal static class JsonReport
{
    public static JsonObject Write(AuditReport report) => new()
    {
        ["$schema"] = Reports.SchemaUri,
        ["tool"] = "model-audit",
        ["version"] = typeof(JsonReport).Assembly.GetName().Version?.ToString(3),
        ["path"] = report.Path,
        ["asOf"] = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["dataAsOf"] = report.DataAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["changedSince"] = report.ChangedSince,
        ["baseline"] = report.BaselineFile is null ? null : new JsonObject
        {
            ["file"] = report.BaselineFile,
            ["new"] = report.Findings.Count(f => f.Baseline == BaselineState.New),
            ["accepted"] = report.Findings.Count(f => f.Baseline == BaselineState.Accepted),
            ["stale"] = new JsonArray(report.StaleBaseline.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
        },
        ["monthlyInputTokens"] = report.MonthlyInputTokens,
        ["monthlyOutputTokens"] = report.MonthlyOutputTokens,
        ["totals"] = new JsonObject
        {
            ["models"] = report.Models.Count,
            ["sites"] = report.Models.Sum(m => m.Sites),
            ["findings"] = report.Findings.Count,
            ["retired"] = report.Models.Count(m => m.Status == "retired"),
            ["deprecated"] = report.Models.Count(m => m.Status == "deprecated"),
            ["costlier"] = report.Models.Count(m => m.Status == "costlier"),
            ["misspelled"] = report.Models.Count(m => m.Status == "misspelled"),
            ["monthlySavingUsd"] = TotalMonthly(report),
            ["usageMonthlySavingUsd"] = UsageMonthly(report),
        },
        ["usageFiles"] = new JsonArray(report.UsageFiles.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        ["unmatchedUsage"] = new JsonArray(report.UnmatchedUsage.Select(u => (JsonNode)UsageJson(u)).ToArray()),
        ["unmappedUsage"] = new JsonArray(report.UnmappedUsage.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
        ["models"] = new JsonArray(report.Models.Select(m => (JsonNode)new JsonObject
        {
            ["model"] = m.Model,
            ["status"] = m.Status,
            ["shutdownOn"] = m.ShutdownOn,
            ["sites"] = m.Sites,
            ["projects"] = new JsonArray(m.Projects.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
            ["target"] = m.Target,
            ["inputPriceChangePercent"] = m.InputPriceChangePercent,
            ["outputPriceChangePercent"] = m.OutputPriceChangePercent,
            ["blendedSavingPercent"] = m.BlendedSavingPercent,
            ["monthlySavingUsd"] = m.MonthlySavingUsd,
            ["usage"] = m.Usage is null ? null : UsageJson(m.Usage),
        }).ToArray()),
        ["deployments"] = new JsonArray(report.Deployments.Select(d => (JsonNode)new JsonObject
        {
            ["file"] = Relative(report, d.File),
            ["line"] = d.Line,
            ["name"] = d.Name,
            ["model"] = d.Model,
            ["version"] = d.Version,
            ["type"] = d.Sku,
            ["status"] = d.Status,
            ["date"] = d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["recommendation"] = d.Recommendation,
            ["azureSuggests"] = d.AzureSuggests,
            ["writtenAt"] = d.WrittenAt is { } written ? WrittenAt(report, written) : null,
            ["ruleId"] = d.RuleId,
        }).ToArray()),
        ["projects"] = new JsonArray(report.Projects.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["path"] = p.Path,
            ["loaded"] = p.Error is null,
            ["error"] = p.Error,
            ["counts"] = new JsonObject(p.Counts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
            ["usageMonthlySavingUsd"] = p.UsageMonthlySavingUsd,
            ["notes"] = new JsonArray(p.Notes.Select(n => (JsonNode)new JsonObject { ["ruleId"] = n.RuleId, ["message"] = n.Message }).ToArray()),
        }).ToArray()),
        ["findings"] = new JsonArray(report.Findings.Select(s => (JsonNode)new JsonObject
        {
            ["ruleId"] = s.RuleId,
            ["model"] = s.Model,
            ["target"] = s.Target,
            ["project"] = s.Project,
            ["file"] = Relative(report, s.File),
            ["line"] = s.Line,
            ["column"] = s.Column,
            ["message"] = s.Message,
            ["baseline"] = s.BaselineText,
        }).ToArray()),
    };

    private static JsonObject UsageJson(UsageSummary u) => new()
    {
        ["model"] = u.Model,
        ["exportedAs"] = new JsonArray(u.ExportedAs.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
        ["from"] = u.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = u.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["inputTokens"] = u.InputTokens,
        ["cachedInputTokens"] = u.CachedInputTokens,
        ["outputTokens"] = u.OutputTokens,
        ["requests"] = u.Requests,
        ["costUsd"] = u.CostUsd,
        ["exportedCost"] = u.ExportedCost,
        ["exportedCurrency"] = u.ExportedCurrency,
        ["exportedCostAtCatalogUsd"] = u.BilledAtCatalogUsd,
        ["exportedCostDifferencePercent"] = u.ExportedCostDifferencePercent,
        ["units"] = u.Units == 0 ? null : u.Units,
        ["unitName"] = u.UnitName,
        ["projectedCostUsd"] = u.ProjectedCostUsd,
        ["monthlySavingUsd"] = u.MonthlySavingUsd,
        ["projectionIsEstimate"] = u.ProjectionIsEstimate,
    };
}

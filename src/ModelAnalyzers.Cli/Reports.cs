using ModelAnalyzers.Cli.Gates;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Spectre.Console;

namespace ModelAnalyzers.Cli;

/// <summary>The four report formats. Each is built from the same <see cref="AuditReport"/>.</summary>
internal static class Reports
{
    public const string SchemaUri = "https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/cli-report.schema.json";

    public static void Write(AuditReport report, ReportFormat format, TextWriter output, bool color)
    {
        switch (format)
        {
            case ReportFormat.Markdown:
                output.Write(Markdown(report));
                break;
            case ReportFormat.Json:
                output.Write(Json(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine();
                break;
            case ReportFormat.GitHub:
                output.Write(GitHub(report));
                break;
            case ReportFormat.Azure:
                output.Write(AzurePipelines(report));
                break;
            case ReportFormat.Sarif:
                output.Write(Sarif(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                output.WriteLine();
                break;
            default:
                Console(report, output, color);
                break;
        }
    }

    private static string Price(double? percent) => percent switch
    {
        null => "?",
        0 => "same",
        double p when p < 0 => $"{-p:0.#}% lower",
        double p => $"{p:0.#}% higher",
    };

    private static string Saving(double? percent) => percent switch
    {
        null => "?",
        double p when p >= 0 => $"{p:0.#}%",
        double p => $"{p:0.#}% (costs more)",
    };

    private static string Dollars(double? value) => value switch
    {
        null => "",
        double v when v >= 0 => v.ToString("$#,0.00", CultureInfo.InvariantCulture),
        double v => "-" + (-v).ToString("$#,0.00", CultureInfo.InvariantCulture),
    };

    private static string Relative(AuditReport report, string? path) => RelativePath.Of(System.IO.Path.GetDirectoryName(report.Path) ?? "", path);

    /// <summary>Every project-level note with its project, in project order.</summary>
    private static IEnumerable<(ProjectResult Project, ProjectNote Note)> Notes(AuditReport report) =>
        report.Projects.SelectMany(p => p.Notes.Select(n => (p, n)));

    private static double? UsageMonthly(AuditReport report) =>
        report.Models.Any(m => m.Usage?.MonthlySavingUsd is not null) ? Math.Round(report.Models.Sum(m => m.Usage?.MonthlySavingUsd ?? 0), 2) : null;

    private static string Tokens(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Period(UsageSummary u) =>
        u.From is DateTime from && u.To is DateTime to ? $"{from:yyyy-MM-dd} to {to.AddSeconds(-1):yyyy-MM-dd}" : "undated";

    /// <summary>One row of the usage table: model, period, tokens, requests, cost, target, projected cost, saving a month.</summary>
    private static string[] UsageCells(ModelSummary m) => m.Usage is not { } u
        ? new[] { m.Model, "no usage in the export", "", "", "", "", "", m.Target ?? "", "", "" }
        : new[]
        {
            m.Model + ExportedAs(u),
            Period(u), Tokens(u.InputTokens), Tokens(u.CachedInputTokens), Tokens(u.OutputTokens), Tokens(u.Requests),
            CostText(u), m.Target ?? "", Dollars(u.ProjectedCostUsd),
            Dollars(u.MonthlySavingUsd) + (u.ProjectionIsEstimate ? " *" : ""),
        };

    private static string ExportedAs(UsageSummary u) =>
        u.ExportedAs.Any(e => e != u.Model) ? $" (exported as {string.Join(", ", u.ExportedAs)})" : "";

    /// <summary>
    /// The cost at catalog prices, and beside it what the export itself billed and how far apart the two are on the same
    /// tokens; when other exports added tokens without a cost, the billed part is named with its catalog figure.
    /// </summary>
    private static string CostText(UsageSummary u)
    {
        string cost = u.CostUsd is null ? "no price" + (u.Units > 0 ? $" ({Tokens(u.Units)} {u.UnitName})" : "") : Dollars(u.CostUsd);
        if (u.ExportedCost is not double billed)
        {
            return cost;
        }

        if (u.ExportedCurrency != "USD")
        {
            return cost + string.Create(CultureInfo.InvariantCulture, $" (billed {billed:#,0.00} {u.ExportedCurrency})");
        }

        string difference = u.ExportedCostDifferencePercent is double d ? string.Create(CultureInfo.InvariantCulture, $", {d:+0.#;-0.#;0}%") : "";
        return u.ExportedCostCoversAll
            ? $"{cost} (billed {Dollars(billed)}{difference})"
            : $"{cost} (billed rows: {Dollars(billed)}, {Dollars(u.BilledAtCatalogUsd)} at catalog prices{difference})";
    }

    private const string EstimateNote = "* the target is a reasoning model: its reasoning tokens bill as output, so the projected cost is a low estimate";

    private static readonly string[] UsageColumns = { "Model", "Period", "Input tokens", "Cached input", "Output tokens", "Requests", "Cost", "Suggested target", "At target", "Saving/month" };

    private static readonly string[] DeploymentColumns = { "Deployment", "Model", "Version", "Type", "Status", "Date", "Recommendation", "Where" };

    /// <summary>One row of the Deployments section; the recommendation names Azure's own suggestion beside the live target.</summary>
    private static string[] DeploymentCells(AuditReport report, DeploymentRow d) => new[]
    {
        d.Name ?? "(not resolved)",
        d.Model,
        d.Version ?? "",
        d.Sku ?? "",
        d.Status,
        d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        (d.Recommendation ?? "") + (d.AzureSuggests is { } named ? $" (Azure suggests {named})" : ""),
        $"{Relative(report, d.File)}:{d.Line}" + (d.WrittenAt is { } written ? $" (value at {WrittenAt(report, written)})" : ""),
    };

    private static string WrittenAt(AuditReport report, string fileAndLine)
    {
        int colon = fileAndLine.LastIndexOf(':');
        return colon < 0 ? fileAndLine : Relative(report, fileAndLine[..colon]) + fileAndLine[colon..];
    }

    private static IEnumerable<string> RuleIdsOf(AuditReport report) =>
        report.Projects.SelectMany(p => p.Counts.Keys).Distinct().Order(StringComparer.Ordinal);

    private static double? TotalMonthly(AuditReport report) =>
        report.Models.Any(m => m.MonthlySavingUsd is not null) ? Math.Round(report.Models.Sum(m => m.MonthlySavingUsd ?? 0), 2) : null;

    private static void Console(AuditReport report, TextWriter output, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.WriteLine($"model-audit {System.IO.Path.GetFileName(report.Path)}: {report.Models.Count} model(s), {report.Models.Sum(m => m.Sites)} site(s) in {report.Projects.Count} project(s), judged at {report.AsOf:yyyy-MM-dd}{report.DataAgeText}");

        var models = new Table().Border(TableBorder.Rounded).Title("Models");
        foreach (var column in new[] { "Model", "Status", "Shutdown", "Sites", "Projects", "Suggested target", "Input price", "Output price", "Blended saving", "$/month" })
        {
            models.AddColumn(new TableColumn(column));
        }

        foreach (var m in report.Models)
        {
            string status = m.Status switch
            {
                "retired" => "[red]retired[/]",
                "deprecated" => "[yellow]deprecated[/]",
                "costlier" => "[blue]costlier[/]",
                "misspelled" => "[yellow]misspelled[/]",
                _ => "[green]fine[/]",
            };
            models.AddRow(Markup.Escape(m.Model), status, m.ShutdownOn ?? "", m.Sites.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", m.Projects)),
                Markup.Escape(m.Target ?? ""), m.Target is null ? "" : Price(m.InputPriceChangePercent), m.Target is null ? "" : Price(m.OutputPriceChangePercent),
                m.Target is null ? "" : Saving(m.BlendedSavingPercent), Dollars(m.MonthlySavingUsd));
        }

        console.Write(models);
        if (report.Deployments.Count > 0)
        {
            var deployments = new Table().Border(TableBorder.Rounded).Title("Deployments");
            foreach (var column in DeploymentColumns)
            {
                deployments.AddColumn(new TableColumn(column));
            }

            foreach (var d in report.Deployments)
            {
                var cells = DeploymentCells(report, d).Select(Markup.Escape).ToArray();
                cells[4] = d.Status switch
                {
                    "retired" => "[red]retired[/]",
                    "no new deployments" or "retiring" => $"[yellow]{d.Status}[/]",
                    "fine" => "[green]fine[/]",
                    _ => cells[4],
                };
                deployments.AddRow(cells);
            }

            console.Write(deployments);
        }

        var rules = RuleIdsOf(report).ToList();
        var projects = new Table().Border(TableBorder.Rounded).Title("Projects");
        projects.AddColumn("Project");
        rules.ForEach(r => projects.AddColumn(r));
        bool withUsage = report.UsageFiles.Count > 0;
        if (withUsage)
        {
            projects.AddColumn("Migration saves at the exported traffic");
        }

        projects.AddColumn("Status");
        foreach (var p in report.Projects)
        {
            projects.AddRow(new[] { Markup.Escape(p.Name) }
                .Concat(rules.Select(r => p.Counts.TryGetValue(r, out int n) ? n.ToString(CultureInfo.InvariantCulture) : ""))
                .Concat(withUsage ? new[] { p.UsageMonthlySavingUsd is null ? "" : Dollars(p.UsageMonthlySavingUsd) + "/month" } : Array.Empty<string>())
                .Append(p.Error is null ? "audited" : "[red]" + Markup.Escape("not loaded: " + p.Error) + "[/]").ToArray());
        }

        console.Write(projects);
        if (report.UsageFiles.Count > 0)
        {
            var usage = new Table().Border(TableBorder.Rounded).Title("Usage (" + Markup.Escape(string.Join(", ", report.UsageFiles.Select(System.IO.Path.GetFileName))) + ")");
            foreach (var column in UsageColumns)
            {
                usage.AddColumn(column);
            }

            foreach (var m in report.Models)
            {
                usage.AddRow(UsageCells(m).Select(Markup.Escape).ToArray());
            }

            console.Write(usage);
            if (report.Models.Any(m => m.Usage?.ProjectionIsEstimate == true))
            {
                console.WriteLine(EstimateNote);
            }

            foreach (var u in report.UnmatchedUsage)
            {
                console.WriteLine($"usage with no audited site: {u.Model}{ExportedAs(u)} ({Tokens(u.InputTokens)} input, {Tokens(u.OutputTokens)} output tokens, {CostText(u)}): called from code the audit did not see");
            }

            foreach (string row in report.UnmappedUsage)
            {
                console.WriteLine($"usage not tied to a model: {row}");
            }

            if (UsageMonthly(report) is double migration)
            {
                console.WriteLine($"A full migration saves {Dollars(migration)}/month at the exported traffic");
            }
        }

        if (TotalMonthly(report) is double total)
        {
            console.WriteLine($"Total saving at the given monthly volumes (each model as if it carried them): {Dollars(total)}/month");
        }

        foreach (var (project, note) in Notes(report))
        {
            console.WriteLine($"{project.Name}: {note.RuleId} {note.Message}");
        }

        if (GateLine(report) is { } gate)
        {
            console.WriteLine(gate);
        }

        foreach (string stale in report.StaleBaseline)
        {
            console.WriteLine($"stale baseline entry (no such finding any more): {stale}");
        }

        foreach (var site in report.Findings)
        {
            console.WriteLine($"{Relative(report, site.File)}:{site.Line}:{site.Column} {site.RuleId}{(site.BaselineText is { } state ? $" ({state})" : "")} {site.Message}");
        }
    }

    /// <summary>"baseline model-audit.baseline.json: 1 new, 5 accepted, 0 stale; changed since origin/main" when a gate was applied.</summary>
    private static string? GateLine(AuditReport report)
    {
        var parts = new List<string>();
        if (report.BaselineFile is { } file)
        {
            parts.Add($"baseline {System.IO.Path.GetFileName(file)}: {report.Findings.Count(f => f.Baseline == BaselineState.New)} new, {report.Findings.Count(f => f.Baseline == BaselineState.Accepted)} accepted, {report.StaleBaseline.Count} stale");
        }

        if (report.ChangedSince is { } since)
        {
            parts.Add($"findings on lines changed since {since}: {report.Findings.Count}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>Azure Pipelines logging commands: one issue per finding at its file and line (new ones only with a baseline).</summary>
    public static string AzurePipelines(AuditReport report)
    {
        var text = new StringBuilder();
        foreach (var site in Annotated(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"##vso[task.logissue type=warning;sourcepath={Escape(Relative(report, site.File))};linenumber={site.Line};columnnumber={site.Column};code={site.RuleId}]{Escape(site.Message)}\n");
        }

        return text.ToString();

        // Logging-command escapes: %, CR, LF, and in properties ; and ].
        static string Escape(string value) => value.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A").Replace(";", "%3B").Replace("]", "%5D");
    }

    private static IEnumerable<Site> Annotated(AuditReport report) => report.Findings.Where(f => f.IsNew);

    /// <summary>
    /// GitHub Actions workflow commands: one annotation per finding at its file and line (new findings only with a
    /// baseline), a notice per project note. Paths are relative to the audited folder, as a checkout's are.
    /// </summary>
    public static string GitHub(AuditReport report)
    {
        var text = new StringBuilder();
        foreach (var site in Annotated(report))
        {
            string level = DefaultSeverity(site.RuleId) switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
            text.Append(CultureInfo.InvariantCulture, $"::{level} file={Escape(Relative(report, site.File), property: true)},line={site.Line},col={site.Column},title={site.RuleId} {Escape(site.Model, property: true)}::{Escape(site.Message, property: false)}\n");
        }

        foreach (var (project, note) in Notes(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"::notice title={note.RuleId} {Escape(project.Name, property: true)}::{Escape(note.Message, property: false)}\n");
        }

        return text.ToString();

        // The workflow-command escapes: %, CR and LF always; in properties also : and ,.
        static string Escape(string value, bool property)
        {
            string escaped = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
            return property ? escaped.Replace(":", "%3A").Replace(",", "%2C") : escaped;
        }
    }

    public static string Markdown(AuditReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## model-audit: {System.IO.Path.GetFileName(report.Path)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{report.Models.Count} model(s), {report.Models.Sum(m => m.Sites)} site(s) in {report.Projects.Count} project(s), judged at {report.AsOf:yyyy-MM-dd}{report.DataAgeText}.");
        if (TotalMonthly(report) is double total)
        {
            text.Append(CultureInfo.InvariantCulture, $" Saving at the given monthly volumes: **{Dollars(total)}/month**.");
        }

        text.Append("\n\n| Model | Status | Shutdown | Sites | Projects | Suggested target | Input price | Output price | Blended saving | $/month |\n");
        text.Append("|---|---|---|---:|---|---|---|---|---|---:|\n");
        foreach (var m in report.Models)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| `{m.Model}` | {m.Status} | {m.ShutdownOn} | {m.Sites} | {Cell(string.Join(", ", m.Projects))} | {(m.Target is null ? "" : $"`{m.Target}`")} | {(m.Target is null ? "" : Price(m.InputPriceChangePercent))} | {(m.Target is null ? "" : Price(m.OutputPriceChangePercent))} | {(m.Target is null ? "" : Saving(m.BlendedSavingPercent))} | {Dollars(m.MonthlySavingUsd)} |\n");
        }

        if (report.UsageFiles.Count > 0)
        {
            text.Append("\n| ").Append(string.Join(" | ", UsageColumns)).Append(" |\n|").Append(string.Concat(UsageColumns.Select((_, i) => i is >= 2 and <= 6 or 8 or 9 ? "---:|" : "---|"))).Append('\n');
            foreach (var m in report.Models)
            {
                var cells = UsageCells(m);
                cells[0] = $"`{cells[0]}`";
                text.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");
            }

            if (report.Models.Any(m => m.Usage?.ProjectionIsEstimate == true))
            {
                text.Append('\n').Append(EstimateNote).Append('\n');
            }

            foreach (var u in report.UnmatchedUsage)
            {
                text.Append(CultureInfo.InvariantCulture, $"\nUsage with no audited site: `{u.Model}`{ExportedAs(u)} ({Tokens(u.InputTokens)} input, {Tokens(u.OutputTokens)} output tokens, {CostText(u)}).");
            }

            foreach (string row in report.UnmappedUsage)
            {
                text.Append("\nUsage not tied to a model: ").Append(row).Append('.');
            }

            if (UsageMonthly(report) is double migration)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n\nA full migration saves **{Dollars(migration)}/month** at the exported traffic.");
            }

            text.Append('\n');
        }

        if (report.Deployments.Count > 0)
        {
            text.Append("\n### Deployments\n\n| ").Append(string.Join(" | ", DeploymentColumns)).Append(" |\n|").Append(string.Concat(DeploymentColumns.Select(_ => "---|"))).Append('\n');
            foreach (var d in report.Deployments)
            {
                var cells = DeploymentCells(report, d).Select(Cell).ToArray();
                cells[0] = $"`{cells[0]}`";
                cells[1] = $"`{cells[1]}`";
                text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
            }
        }

        var rules = RuleIdsOf(report).ToList();
        bool usage = report.UsageFiles.Count > 0;
        text.Append("\n| Project | ").Append(string.Join(" | ", rules)).Append(rules.Count > 0 ? " | " : "").Append(usage ? "Migration saves at the exported traffic | " : "").Append("Status |\n|---|");
        text.Append(string.Concat(rules.Select(_ => "---:|"))).Append(usage ? "---:|" : "").Append("---|\n");
        foreach (var p in report.Projects)
        {
            text.Append("| ").Append(Cell(p.Name)).Append(" | ");
            text.Append(string.Concat(rules.Select(r => (p.Counts.TryGetValue(r, out int n) ? n.ToString(CultureInfo.InvariantCulture) : "") + " | ")));
            if (usage)
            {
                text.Append(p.UsageMonthlySavingUsd is null ? "" : Dollars(p.UsageMonthlySavingUsd) + "/month").Append(" | ");
            }

            text.Append(p.Error is null ? "audited" : Cell("not loaded: " + p.Error)).Append(" |\n");
        }

        foreach (var (project, note) in Notes(report))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n> **{note.RuleId}** ({Cell(project.Name)}): {Cell(note.Message)}\n");
        }

        if (GateLine(report) is { } gate)
        {
            text.Append("\n").Append(gate).Append('\n');
            foreach (string stale in report.StaleBaseline)
            {
                text.Append("- stale baseline entry: ").Append(Cell(stale)).Append('\n');
            }
        }

        if (report.Findings.Count > 0)
        {
            text.Append("\n<details><summary>").Append(report.Findings.Count.ToString(CultureInfo.InvariantCulture)).Append(" finding(s)</summary>\n\n| Rule | Location | Model | Message |\n|---|---|---|---|\n");
            foreach (var site in report.Findings)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {site.RuleId}{(site.BaselineText is { } state ? $" ({state})" : "")} | `{Relative(report, site.File)}:{site.Line}` | `{site.Model}` | {Cell(site.Message)} |\n");
            }

            text.Append("\n</details>\n");
        }

        return text.ToString();

        static string Cell(string value) => value.Replace("|", "\\|").Replace("\n", " ");
    }

    public static JsonObject Json(AuditReport report) => new()
    {
        ["$schema"] = SchemaUri,
        ["tool"] = "model-audit",
        ["version"] = typeof(Reports).Assembly.GetName().Version?.ToString(3),
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

    /// <summary>Every rule the package's analyzers declare, once, in id order: SARIF's rules and the annotations' levels.</summary>
    private static readonly List<DiagnosticDescriptor> Descriptors = typeof(ModelLifecycleAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    private static DiagnosticSeverity DefaultSeverity(string? ruleId) =>
        Descriptors.FirstOrDefault(d => d.Id == ruleId)?.DefaultSeverity ?? DiagnosticSeverity.Warning;

    public static JsonObject Sarif(AuditReport report)
    {
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "model-audit",
                        ["informationUri"] = "https://github.com/modelanalyzers/ModelAnalyzers",
                        ["rules"] = new JsonArray(Descriptors.Select(d => (JsonNode)new JsonObject
                        {
                            ["id"] = d.Id,
                            ["shortDescription"] = new JsonObject { ["text"] = d.Title.ToString(CultureInfo.InvariantCulture) },
                            ["helpUri"] = d.HelpLinkUri,
                            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(d.DefaultSeverity) },
                        }).ToArray()),
                    },
                },
                ["results"] = new JsonArray(Notes(report).Select(x => (JsonNode)ProjectResult(report, x.Project, x.Note)).Concat(report.Findings.Select(s => (JsonNode)new JsonObject
                {
                    ["ruleId"] = s.RuleId,
                    ["level"] = Level(DefaultSeverity(s.RuleId)),
                    ["message"] = new JsonObject { ["text"] = s.Message },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = Relative(report, s.File) },
                            ["region"] = new JsonObject { ["startLine"] = s.Line, ["startColumn"] = s.Column },
                        },
                    }),
                    ["properties"] = SarifProperties(report, s),
                })).ToArray()),
            }),
        };

        // A note about the whole project is located at its project file, without a region (SARIF 2.1.0 allows both).
        static JsonObject ProjectResult(AuditReport report, ProjectResult project, ProjectNote note) => new()
        {
            ["ruleId"] = note.RuleId,
            ["level"] = Level(DefaultSeverity(note.RuleId)),
            ["message"] = new JsonObject { ["text"] = note.Message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Relative(report, project.Path) } },
            }),
            ["properties"] = new JsonObject { ["project"] = project.Name },
        };

        // The site's model and target, and with --usage the model's traffic priced: what fixing this site saves a month
        // (shared by every site of the model: the export does not say which site sent which request).
        static JsonObject SarifProperties(AuditReport report, Site site)
        {
            var properties = new JsonObject { ["model"] = site.Model, ["target"] = site.Target };
            if (site.BaselineText is { } state)
            {
                properties["baseline"] = state; // SARIF's own baselineState compares two SARIF runs; this is the team's baseline file
            }

            if (report.Models.FirstOrDefault(m => m.Model == site.Model)?.Usage is { } usage)
            {
                properties["modelMonthlySavingUsd"] = usage.MonthlySavingUsd;
                properties["modelSites"] = report.Models.First(m => m.Model == site.Model).Sites;
            }

            return properties;
        }

        static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };
    }
}

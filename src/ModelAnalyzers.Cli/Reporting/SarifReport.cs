using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using static ModelAnalyzers.Cli.ReportText;

namespace ModelAnalyzers.Cli;

/// <summary>SARIF 2.1.0 (code scanning): every rule the package declares, each finding at its file, line and column, project notes at the project file.</summary>
internal static class SarifReport
{
    public static JsonObject Write(AuditReport report)
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

using System.Text.Json;

namespace ModelAnalyzers.Cli;

/// <summary>
/// The report formats, each built from the same <see cref="AuditReport"/>: the tables the human-readable formats share
/// are built once (<see cref="ReportTables"/>), and the wording every format shares is <see cref="ReportText"/>.
/// </summary>
internal static class Reports
{
    public const string SchemaUri = "https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/cli-report.schema.json";

    public static void Write(AuditReport report, ReportFormat format, TextWriter output, bool color)
    {
        switch (format)
        {
            case ReportFormat.Markdown:
                output.Write(MarkdownReport.Write(report));
                break;
            case ReportFormat.Json:
                WriteJson(JsonReport.Write(report), output);
                break;
            case ReportFormat.GitHub:
                output.Write(AnnotationReports.GitHub(report));
                break;
            case ReportFormat.Azure:
                output.Write(AnnotationReports.AzurePipelines(report));
                break;
            case ReportFormat.Sarif:
                WriteJson(SarifReport.Write(report), output);
                break;
            default:
                ConsoleReport.Write(report, output, color);
                break;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static void WriteJson(System.Text.Json.Nodes.JsonNode json, TextWriter output)
    {
        output.Write(json.ToJsonString(Indented));
        output.WriteLine();
    }
}

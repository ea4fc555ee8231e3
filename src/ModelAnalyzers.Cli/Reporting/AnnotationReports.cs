using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using static ModelAnalyzers.Cli.ReportText;

namespace ModelAnalyzers.Cli;

/// <summary>CI annotations: GitHub Actions workflow commands and Azure Pipelines logging commands, one per finding.</summary>
internal static class AnnotationReports
{
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
}

using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.Infra;

namespace ModelAnalyzers.Cli;

/// <summary>
/// model-audit deployments [path] [--write-overlay [file]]: the Azure OpenAI deployments the infrastructure files
/// under a folder declare, judged by Azure's calendar; with --write-overlay, the overlay's "deployments" map that
/// lets builds and the IDE judge the code's deployment names (GetChatClient("chat")) by what "chat" runs. Reads no
/// project, so it needs no restore.
/// </summary>
internal static class DeploymentsCommand
{
    public static async Task<int> RunAsync(string path, DateTime asOf, string? overlayPath, bool dryRun, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            error.WriteLine($"model-audit deployments: '{path}' does not exist");
            return Commands.UsageError;
        }

        var infrastructure = InfrastructureAudit.Read(path);
        string? existing = null;
        if (overlayPath is not null && File.Exists(overlayPath))
        {
            try
            {
                existing = await File.ReadAllTextAsync(overlayPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"model-audit deployments: {overlayPath}: not read: {e.Message}; nothing was written");
                return Commands.NotCompleted;
            }
        }

        // Judged with the overlay's own Azure rows (catalog update --azure-schedule), as the build will judge.
        var problems = new List<OverlayProblem>();
        var catalog = existing is null ? ModelCatalog.BuiltIn : CatalogOverlay.Apply(ModelCatalog.BuiltIn, new[] { (overlayPath!, SourceText.From(existing)) }, problems);
        List(infrastructure, catalog, path, asOf, output);
        return overlayPath is null ? 0 : await WriteOverlayAsync(infrastructure, overlayPath, existing, problems.Count, dryRun, output, error);
    }

    /// <summary>One line per deployment (file, line, name, model, version, type, status, date, target), then the notes.</summary>
    private static void List(InfrastructureAudit infrastructure, ModelCatalog catalog, string path, DateTime asOf, TextWriter output)
    {
        var report = new AuditReport { Path = Path.GetFullPath(path), AsOf = asOf };
        infrastructure.Report(report, new List<(Site, Judgement.Verdict?)>(), new AuditOptions { AsOf = asOf }, catalog);
        foreach (var d in report.Deployments)
        {
            string date = d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) is { } on ? " " + on : "";
            string recommendation = d.Recommendation is { } target ? $"; move to {target}" : "";
            output.WriteLine($"{RelativePath.Of(infrastructure.Root, d.File)}:{d.Line} {d.Name ?? "(name not resolved)"}: {d.Model}{(d.Version is null ? "" : " " + d.Version)}{(d.Sku is null ? "" : $" ({d.Sku})")} {d.Status}{date}{recommendation}");
        }

        foreach (var note in report.Projects.SelectMany(p => p.Notes))
        {
            output.WriteLine($"{note.RuleId} {note.Message}");
        }

        if (report.Deployments.Count == 0)
        {
            output.WriteLine($"no Azure OpenAI deployments found under {infrastructure.Root}");
        }
    }

    /// <summary>
    /// The overlay's "deployments" map merged into the existing overlay; never written when the existing one is broken
    /// or the result would be rejected by the package (more MDL0901 problems than it had).
    /// </summary>
    private static async Task<int> WriteOverlayAsync(InfrastructureAudit infrastructure, string overlayPath, string? existing, int problemsBefore, bool dryRun, TextWriter output, TextWriter error)
    {
        var declared = infrastructure.Map();
        if (declared.Count == 0)
        {
            output.WriteLine("no deployment has a name and a model the files resolve: nothing to write");
            return 0;
        }

        string text;
        try
        {
            text = DeploymentOverlay.Write(declared, existing);
        }
        catch (FormatException e)
        {
            error.WriteLine($"model-audit deployments: {overlayPath}: {e.Message}; nothing was written");
            return Commands.NotCompleted;
        }

        var check = new List<OverlayProblem>();
        CatalogOverlay.Apply(ModelCatalog.BuiltIn, new[] { (overlayPath, SourceText.From(text)) }, check);
        if (check.Count > problemsBefore)
        {
            error.WriteLine("model-audit deployments: the overlay would not be accepted by the package, so nothing was written: "
                + string.Join("; ", check.Select(p => $"({p.Line},{p.Column}) {p.Message}")));
            return Commands.NotCompleted;
        }

        if (dryRun)
        {
            output.Write(UnifiedDiff.Create(Path.GetFileName(overlayPath), existing ?? "", text));
            return 0;
        }

        if (existing == text)
        {
            output.WriteLine($"{overlayPath} is up to date");
            return 0;
        }

        await AtomicFile.WriteAsync(overlayPath, text);
        output.WriteLine($"wrote {declared.Count} deployment(s) to {overlayPath}");
        return 0;
    }
}

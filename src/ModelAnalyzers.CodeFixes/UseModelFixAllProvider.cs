using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// Fix All for the model fixes: each C# document is rewritten once (<see cref="UseModelCodeFixProvider.FixDocumentAsync"/>),
/// and each appsettings*.json file once. FixAllProvider.Create only visits C# documents, hence this provider.
/// </summary>
internal sealed class UseModelFixAllProvider : FixAllProvider
{
    public override Task<CodeAction?> GetFixAsync(FixAllContext context) =>
        Task.FromResult<CodeAction?>(CodeAction.Create(
            Title(context.CodeActionEquivalenceKey),
            ct => FixAsync(context, ct),
            context.CodeActionEquivalenceKey));

    /// <summary>"Use each site's recommended model", "Use 'gpt-4o-mini' everywhere": the key in words.</summary>
    internal static string Title(string? key) => key switch
    {
        UseModelCodeFixProvider.RecommendedEquivalenceKey => "Use each site's recommended model",
        UseModelCodeFixProvider.SpellingEquivalenceKey => "Use each suggested model id",
        string k when k.StartsWith(UseModelCodeFixProvider.EquivalenceKeyPrefix, System.StringComparison.Ordinal)
            => $"Use '{k.Substring(UseModelCodeFixProvider.EquivalenceKeyPrefix.Length)}' everywhere it is offered",
        _ => "Fix all",
    };

    private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
    {
        var solution = context.Solution;
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
        foreach (var project in projects)
        {
            var diagnostics = context.Scope == FixAllScope.Document && context.Document is { } only
                ? await context.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);

            foreach (var group in diagnostics.Where(d => d.Location.IsInSource).GroupBy(d => d.Location.SourceTree!))
            {
                if (solution.GetDocument(group.Key) is { } document)
                {
                    var fixedDocument = await UseModelCodeFixProvider.FixDocumentAsync(document, group, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
                    if (fixedDocument != document)
                    {
                        solution = solution.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
                    }
                }
            }

            // Diagnostics in settings files are located by path (LocationKind.ExternalFile). Hosts that collect only
            // source diagnostics (dotnet format) hand none over, so the migration computes them: code and
            // configuration move to the target together.
            var settingsDiagnostics = diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile).ToList();
            if (settingsDiagnostics.Count == 0 && context.Scope != FixAllScope.Document)
            {
                settingsDiagnostics = await SettingsDiagnosticsAsync(project, context.DiagnosticIds, cancellationToken).ConfigureAwait(false);
            }

            foreach (var group in settingsDiagnostics.GroupBy(d => d.Location.GetLineSpan().Path))
            {
                var settings = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == group.Key);
                if (settings is null)
                {
                    continue;
                }

                var edits = group
                    .Select(d => (Diagnostic: d, Target: UseModelCodeFixProvider.TargetFor(d, context.CodeActionEquivalenceKey ?? "")))
                    .Where(e => e.Target is not null)
                    .Select(e => (e.Diagnostic, e.Target!))
                    .ToList();
                if (edits.Count > 0)
                {
                    var text = await settings.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    var rewritten = PromptSwitching.Mend(settings.FilePath ?? settings.Name, text, SettingsRewriter.Rewrite(text, edits), await SwitchingSafety.CatalogAsync(project).ConfigureAwait(false));
                    solution = solution.WithAdditionalDocumentText(settings.Id, rewritten);
                }
            }
        }

        return solution;
    }

    private static async Task<List<Diagnostic>> SettingsDiagnosticsAsync(Project project, ImmutableHashSet<string> ids, CancellationToken cancellationToken)
    {
        var results = new List<Diagnostic>();
        if (!project.AnalyzerOptions.AdditionalFiles.Any(f => Settings.AppSettingsScanner.IsSettingsFile(f, project.AnalyzerOptions.AnalyzerConfigOptionsProvider) || Settings.PromptFiles.IsPromptPath(f.Path))
            || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return results;
        }

        // Each file's own analysis (values found by their keys' names, prompt files), and the whole compilation's: a
        // settings value a site reads is reported by the analysis of the site's file.
        var analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelLifecycleAnalyzer(), new ModelSpellingAnalyzer()), project.AnalyzerOptions);
        var found = new List<Diagnostic>(await analysis.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
        foreach (var file in project.AnalyzerOptions.AdditionalFiles)
        {
            found.AddRange((await analysis.GetAnalysisResultAsync(file, cancellationToken).ConfigureAwait(false)).GetAllDiagnostics());
        }

        var seen = new HashSet<(string Id, string Path, int Start)>();
        results.AddRange(found.Where(d => d.Location.Kind == LocationKind.ExternalFile && ids.Contains(d.Id) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden
            && seen.Add((d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan.Start))));
        return results;
    }
}


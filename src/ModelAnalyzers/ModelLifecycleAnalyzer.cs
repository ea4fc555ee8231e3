using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers;

/// <summary>
/// MDL0001-MDL0003 (retired, deprecated, costlier models) and the configuration and data checks MDL0900-MDL0902.
/// Pipeline: site map (<see cref="Sites.SiteIndex"/>) -> value resolution (<see cref="Values.ModelValueResolver"/>) ->
/// judgement (<see cref="Judgement.ModelJudge"/>) -> a diagnostic on the literal, carrying the offered targets for
/// the fix. Each fix family has its own analyzer (this one, <see cref="ModelSpellingAnalyzer"/>,
/// <see cref="ApiKeyAnalyzer"/>) because dotnet format picks the Fix All equivalence key from the first diagnostic of
/// the analyzers that report an id: mixing families in one analyzer makes it fix nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelLifecycleAnalyzer : PackageAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.Retired, Rules.Deprecated, Rules.Costlier, Rules.InvalidOption, Rules.InvalidOverlay, Rules.StaleCatalog);

    private static bool Owns(VerdictKind kind) => kind is VerdictKind.Retired or VerdictKind.Deprecated or VerdictKind.Costlier;

    // No SDK referenced: nothing is registered, so such projects pay (almost) nothing.
    internal override FileAnalysis? FileAnalysisFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        ModelJudgements.For(compilation, options, cancellationToken) is { } judgements ? VerdictReports.FileReports(judgements, Owns) : null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        if (ModelJudgements.For(start.Compilation, start.Options, start.CancellationToken) is not { } judgements)
        {
            return;
        }

        start.RegisterPromptReports(judgements, Owns);

        if (judgements.OverlayProblems.Count > 0)
        {
            start.RegisterAdditionalFileAction(file => ReportOverlayProblems(file, judgements));
        }

        if (start.Options.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, start.Options.AnalyzerConfigOptionsProvider)))
        {
            start.RegisterAdditionalFileAction(file => ReportModelsInAppSettings(file, judgements));
        }

        // A settings or prompt file that cannot be read is named where it breaks: its models would otherwise go unjudged unseen.
        if (start.Options.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, start.Options.AnalyzerConfigOptionsProvider) || PromptFiles.IsPromptPath(f.Path)))
        {
            start.RegisterAdditionalFileAction(file =>
            {
                if (judgements.Unread(file.AdditionalFile) is { } unread)
                {
                    file.ReportDiagnostic(Diagnostic.Create(Rules.InvalidOption, unread.Location, unread.Message));
                }
            });
        }

        start.RegisterCompilationEndAction(end =>
        {
            foreach (var diagnostic in CompilationDiagnostics(judgements))
            {
                end.ReportDiagnostic(diagnostic);
            }
        });
    }

    /// <summary>
    /// The compilation's own diagnostics, with no place in a file: invalid options (MDL0900) and stale data (MDL0902).
    /// model-audit asks for them here rather than through a whole-compilation analysis.
    /// </summary>
    internal static IEnumerable<Diagnostic> CompilationDiagnostics(ModelJudgements judgements)
    {
        foreach (var problem in judgements.ConfigurationProblems)
        {
            yield return Diagnostic.Create(Rules.InvalidOption, Location.None, problem);
        }

        if (judgements.StaleCatalogMessage() is string stale)
        {
            yield return Diagnostic.Create(Rules.StaleCatalog, Location.None, stale);
        }
    }

    /// <summary>"ChatModel": "gpt-4" in appsettings*.json: judged like a model site, located on the JSON string.</summary>
    private static void ReportModelsInAppSettings(AdditionalFileAnalysisContext context, ModelJudgements judgements)
    {
        foreach (var judged in judgements.SettingsFindings(context.AdditionalFile))
        {
            if (judged.Verdict is { Kind: VerdictKind.Retired or VerdictKind.Deprecated or VerdictKind.Costlier } verdict)
            {
                context.ReportDiagnostic(VerdictReports.Create(judged, verdict));
            }
        }
    }

    private static void ReportOverlayProblems(AdditionalFileAnalysisContext context, ModelJudgements judgements)
    {
        if (context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var problem in judgements.OverlayProblems)
        {
            if (problem.Path == context.AdditionalFile.Path)
            {
                var location = AdditionalFileLocation.At(problem.Path, text, problem.Line, problem.Column);
                context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidOverlay, location, problem.Message));
            }
        }
    }
}

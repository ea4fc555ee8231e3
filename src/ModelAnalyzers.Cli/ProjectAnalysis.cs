using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers.Cli;

/// <summary>
/// What the audit asks of the package's analyzers for one project: the findings of the files that may hold one (each
/// analyzer's own per-file work, then Roslyn's filter), the additional files' and the compilation's own diagnostics,
/// and the inventory of every model literal; and the warm-up that compiles their code paths while MSBuild loads.
/// </summary>
internal static class ProjectAnalysis
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Exported<DiagnosticAnalyzer>(typeof(ModelLifecycleAnalyzer).Assembly);

    // Not a rule of an analyzer (no release tracking): the audit's note for an analyzer that threw, with the id the
    // compiler's driver gives it.
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor AnalyzerFailed = new("AD0001", "An analyzer threw an exception",
        "Analyzer '{0}' threw an exception on {1}: {2}: {3}; its findings in that file are missing", "ModelAnalyzers", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    /// <summary>
    /// Parses the catalogs, binds a small compilation and runs the analyzers' per-file work on it, so that the
    /// compiler's, the metadata reader's and the analyzers' code is compiled before the projects arrive: nothing of it
    /// is kept. Its client type is declared in the source, as no SDK is at hand yet; the site map finds it by name.
    /// </summary>
    public static void WarmUp()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            namespace OpenAI.Chat { public class ChatClient { public ChatClient(string model, string apiKey) { } } }

            static class WarmUp
            {
                const string Model = "gpt-4";

                static string Pick(string model) => model;

                static async Task<object> MakeAsync(IReadOnlyList<string> models)
                {
                    await Task.Yield();
                    var names = models.Where(m => m.StartsWith("gpt", StringComparison.Ordinal)).Select(m => $"{m}!").ToList();
                    var prices = new Dictionary<string, decimal> { ["gpt-4"] = 30m };
                    return new OpenAI.Chat.ChatClient(Pick(Model), names.Count > prices.Count ? "key" : Model);
                }
            }
            """;
        try
        {
            _ = ModelCatalog.BuiltIn.Models.Count + AzureCatalog.BuiltIn.Models.Count;
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(System.IO.Path.PathSeparator)
                .Where(p => System.IO.Path.GetFileNameWithoutExtension(p) is "System.Private.CoreLib" or "System.Runtime" or "System.Linq" or "System.Collections")
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("warm-up", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source) },
                platform, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _ = compilation.GetDiagnostics();
            _ = FindingsIn(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), compilation.SyntaxTrees, CancellationToken.None);
        }
        catch (Exception)
        {
            // Only a head start: the audit itself does the same work again and reports any problem there.
        }
    }
    /// <summary>
    /// The package's diagnostics for the project, as its build reports them. Each analyzer's own per-file work
    /// (<see cref="PackageAnalyzer.FileAnalysisFor"/>, what the build's driver runs on every file) runs on the files
    /// whose words and syntax can hold a finding (<see cref="ModelJudgements.MayReportIn"/>), and binds only what its
    /// walk asks: well under 1% of a monorepo's files mention a model, and the driver's per-file analysis binds every
    /// method body (docs/performance.md). Roslyn's own filter then gives each finding the severity the build's
    /// configuration gives it and drops what #pragma or [SuppressMessage] suppress. Additional files go through the
    /// driver, and MDL0900/MDL0902 come from the analyzer's own compilation-end function.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, Compilation compilation, CancellationToken cancellationToken)
    {
        var analyzerOptions = project.AnalyzerOptions;
        var judgements = ModelJudgements.For(compilation, analyzerOptions, cancellationToken);
        if (judgements is null && !CompilationMaps.ReferencesKeySdk(compilation)
            && !analyzerOptions.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, analyzerOptions.AnalyzerConfigOptionsProvider)))
        {
            // No model SDK, no key SDK, no settings file: nothing the package reports can be there.
            return ImmutableArray<Diagnostic>.Empty;
        }

        // Without a model SDK only key sites remain, whose walk returns at once unless some file holds "sk-".
        var all = FindingsIn(compilation, analyzerOptions, compilation.SyntaxTrees.Where(t => judgements?.MayReportIn(t, cancellationToken) ?? true), cancellationToken);
        var options = new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var analysis = compilation.WithAnalyzers(Analyzers, options);
        foreach (var file in analyzerOptions.AdditionalFiles)
        {
            all.AddRange((await analysis.GetAnalysisResultAsync(file, Analyzers, cancellationToken).ConfigureAwait(false)).GetAllDiagnostics());
        }

        if (judgements is not null)
        {
            // MDL0900 and MDL0902 without a whole-compilation analysis, with the severity the build's configuration gives them.
            all.AddRange(CompilationWithAnalyzers.GetEffectiveDiagnostics(ModelLifecycleAnalyzer.CompilationDiagnostics(judgements), compilation));
        }

        return all.DistinctBy(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan, d.Id == AnalyzerFailed.Id ? d.GetMessage(CultureInfo.InvariantCulture) : null))
            .Where(d => (d.Id.StartsWith("MDL", StringComparison.Ordinal) || d.Id == AnalyzerFailed.Id) && d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>
    /// What the package's analyzers report from the given files (in them or in another file, such as a shared const's),
    /// configured and suppressed as the build's driver does: severities from .editorconfig, globalconfig and NoWarn;
    /// #pragma and [SuppressMessage] where a finding lies.
    /// </summary>
    private static List<Diagnostic> FindingsIn(Compilation compilation, AnalyzerOptions options, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var analyses = new List<(string Analyzer, FileAnalysis Work)>();
        foreach (var analyzer in Analyzers.OfType<PackageAnalyzer>())
        {
            if (analyzer.FileAnalysisFor(compilation, options, cancellationToken) is { } work)
            {
                analyses.Add((analyzer.GetType().Name, work));
            }
        }

        return FindingsIn(compilation, options, trees, analyses, cancellationToken);
    }

    /// <summary>
    /// <see cref="FindingsIn(Compilation, AnalyzerOptions, IEnumerable{SyntaxTree}, CancellationToken)"/> with the
    /// analyses given. An analysis that throws on a file is named in an AD0001 note, as the build's driver names it, and
    /// the other files and analyses still report.
    /// </summary>
    internal static List<Diagnostic> FindingsIn(Compilation compilation, AnalyzerOptions options, IEnumerable<SyntaxTree> trees,
        IReadOnlyList<(string Analyzer, FileAnalysis Work)> analyses, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentQueue<Diagnostic>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Diagnostic>();
        Parallel.ForEach(trees, new ParallelOptions { CancellationToken = cancellationToken }, tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var (analyzer, work) in analyses)
            {
                try
                {
                    work.Run(model, options, found.Enqueue, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(Diagnostic.Create(AnalyzerFailed, Location.None, analyzer, System.IO.Path.GetFileName(tree.FilePath), e.GetType().Name, e.Message));
                }
            }
        });

        // Roslyn's filter marks what #pragma and [SuppressMessage] suppress rather than dropping it.
        return CompilationWithAnalyzers.GetEffectiveDiagnostics(found, compilation).Where(d => !d.IsSuppressed).Concat(failures).ToList();
    }

    /// <summary>Every model literal (fine ones too) from the analyzers' own site walk and settings scan, listed under <paramref name="projectName"/>.</summary>
    public static IEnumerable<(Site Site, Verdict? Verdict)> Inventory(Project project, string projectName, Compilation compilation, HashSet<DateTime> asOfDates, CancellationToken cancellationToken)
    {
        var found = new List<(Site, Verdict?)>();
        if (ModelJudgements.For(compilation, project.AnalyzerOptions, cancellationToken) is not { } judgements)
        {
            return found;
        }

        void Add(JudgedValue judged)
        {
            asOfDates.Add(judged.AsOf);
            var position = judged.Location.GetMappedLineSpan();
            var verdict = judged.Verdict;
            found.Add((new Site(ModelSummaries.RuleOf(verdict), judged.Value, verdict?.Offers.FirstOrDefault()?.Target.Id, projectName, position.Path,
                position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1, verdict?.Message ?? ""), verdict));
        }

        // The analyzers' own walk, judgements and settings reading: the inventory lists fine models too, which the
        // analyzers do not report. A value reached from several trees (a shared const, a linked setting) is listed once.
        var seen = new HashSet<(object Source, Microsoft.CodeAnalysis.Text.TextSpan Span)>();
        // Generated files are left out as the findings leave them out (HandWrittenCode).
        foreach (var tree in compilation.SyntaxTrees.Where(t => judgements.MayReportIn(t, cancellationToken) && HandWrittenCode.Holds(t, project.AnalyzerOptions, cancellationToken)))
        {
            foreach (var judged in judgements.Inventory(compilation.GetSemanticModel(tree), cancellationToken))
            {
                if (seen.Add(judged.Key))
                {
                    Add(judged);
                }
            }
        }

        foreach (var file in project.AnalyzerOptions.AdditionalFiles)
        {
            foreach (var judged in judgements.SettingsFindings(file).Concat(judgements.PromptFindings(file)))
            {
                Add(judged);
            }
        }

        return found;
    }
    public static ImmutableArray<T> Exported<T>(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}

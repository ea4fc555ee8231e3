using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.CodeFixes;

namespace ModelAnalyzers.Benchmarks;

/// <summary>
/// What BenchmarkDotNet's wall-clock table does not show: analyzer execution time as the compiler reports it
/// (per analyzer set, against compile time), the IDE case (one 2,000-line document), and Fix All over 10,000
/// sites with the memory it allocates. Prints a markdown table with the targets.
/// </summary>
internal static class Measurements
{
    public static string Run(int files, int fixAllFiles, int sitesPerFile, int longFileLines, int repeats)
    {
        var report = new StringBuilder();
        var corpus = Corpus.Create(files);
        report.AppendLine(CultureInfo.InvariantCulture, $"Corpus: {files} files, {corpus.Lines:N0} lines, {corpus.ExpectedModelDiagnostics} expected ModelAnalyzers diagnostics.");
        report.AppendLine();

        double compile = Median(repeats, () => Time(() => corpus.Compilation.Clone().GetDiagnostics()));
        var floor = AnalyzerTime(corpus, Analyzers.Floor, repeats);
        var ours = AnalyzerTime(corpus, Analyzers.ModelAnalyzers, repeats);
        var symbolFloor = AnalyzerTime(corpus, Analyzers.SymbolFloor(corpus), repeats);
        var bindingFloor = AnalyzerTime(corpus, Analyzers.BindingFloor, repeats);
        var oursOnBinding = AnalyzerTime(corpus, Analyzers.BindingFloor.AddRange(Analyzers.ModelAnalyzers), repeats);
        var banned = AnalyzerTime(corpus, Analyzers.BannedApi, repeats, Analyzers.BannedSymbols);
        var meziantou = AnalyzerTime(corpus, Analyzers.Meziantou, repeats);
        if (ours.Diagnostics != corpus.ExpectedModelDiagnostics)
        {
            throw new InvalidOperationException($"ModelAnalyzers reported {ours.Diagnostics} diagnostics, expected {corpus.ExpectedModelDiagnostics}");
        }

        report.AppendLine("| measurement | wall time (ms, median) | analyzer execution time (ms, median) | diagnostics |");
        report.AppendLine("|---|---|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| compile only (all compiler diagnostics) | {compile:F0} | - | - |");
        foreach (var (name, result) in new[]
        {
            ("floor: no-op analyzer, same callbacks", floor),
            ($"ModelAnalyzers ({Analyzers.ModelAnalyzers.Length} analyzers, default options)", ours),
            ("symbol floor: the symbol of each model site and nothing else, sites located beforehand (diagnostics: sites bound)", symbolFloor),
            ("binding floor: no-op operation-block analyzer (as the SDK's default CA rules)", bindingFloor),
            ("binding floor + ModelAnalyzers", oursOnBinding),
            ("BannedApiAnalyzers (OpenAI model members banned)", banned),
            ("Meziantou.Analyzer (all rules)", meziantou),
        })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {result.Wall:F0} | {result.Analyzer:F1} | {result.Diagnostics} |");
        }

        var ide = IdeLatency(longFileLines, repeats * 4);
        var ideOnBinding = IdeLatency(longFileLines, repeats * 4, withBindingFloor: true);
        var fixAll = FixAll(fixAllFiles, sitesPerFile);
        report.AppendLine(CultureInfo.InvariantCulture, $"| IDE: one {longFileLines:N0}-line document, ModelAnalyzers (after {IdeWarmUpRuns} warm-up runs) | {ide.Wall:F1} | {ide.Analyzer:F2} | {ide.Diagnostics} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| IDE: the same document, binding floor + ModelAnalyzers (our share of execution time) | {ideOnBinding.Wall:F1} | {ideOnBinding.Analyzer:F2} | {ideOnBinding.Diagnostics} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| IDE: the same document, first analysis of the process (cold: the JIT compiles our code and Roslyn's) | - | {ide.ColdAnalyzer:F2} | {ide.Diagnostics} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Fix All: {fixAllFiles * sitesPerFile:N0} sites in {fixAllFiles:N0} files -> gpt-4o-mini ({fixAll.AllocatedMB:N0} MB allocated) | {fixAll.Wall:F0} | - | {fixAll.Fixed} fixed |");
        report.AppendLine();

        report.AppendLine("| target | measured | met |");
        report.AppendLine("|---|---|---|");
        Target(report, "analysis with ModelAnalyzers at most 1.5x the floor's (wall time)", $"{ours.Wall / floor.Wall:F2}x", ours.Wall <= 1.5 * floor.Wall);
        Target(report, "ModelAnalyzers' execution time at most 1% of compile time", $"{100 * ours.Analyzer / compile:F2}%", ours.Analyzer <= 0.01 * compile);
        Target(report, "(context) the symbol floor's execution time, as % of compile time: the least any symbol check of the sites costs", $"{100 * symbolFloor.Analyzer / compile:F2}%", symbolFloor.Analyzer <= 0.01 * compile);
        Target(report, "(context) ModelAnalyzers' execution time above the symbol floor, as % of compile time", $"{100 * (ours.Analyzer - symbolFloor.Analyzer) / compile:F2}%", ours.Analyzer - symbolFloor.Analyzer <= 0.01 * compile);
        double marginal = oursOnBinding.Wall - bindingFloor.Wall;
        Target(report, "(context) marginal wall time on top of the binding floor, as % of compile time", $"{100 * marginal / compile:F2}%", marginal <= 0.01 * compile);
        Target(report, "no slower than BannedApiAnalyzers (execution time)", $"{ours.Analyzer:F1} ms vs {banned.Analyzer:F1} ms", ours.Analyzer <= banned.Analyzer);
        Target(report, $"one {longFileLines:N0}-line document in at most 5 ms median (analyzer execution time)", $"{ide.Analyzer:F2} ms", ide.Analyzer <= 5);
        Target(report, $"(context) the same document beside the binding floor, our share", $"{ideOnBinding.Analyzer:F2} ms", ideOnBinding.Analyzer <= 5);
        Target(report, $"Fix All over {fixAllFiles * sitesPerFile:N0} sites in at most 10 s", $"{fixAll.Wall / 1000:F1} s", fixAll.Wall <= 10_000);
        return report.ToString();
    }

    /// <summary>Whole-compilation execution times of ModelAnalyzers and of the symbol floor, for before/after comparisons.</summary>
    public static void Whole(int files, int repeats)
    {
        var corpus = Corpus.Create(files);
        double compile = Median(repeats, () => Time(() => corpus.Compilation.Clone().GetDiagnostics()));
        var symbolFloor = AnalyzerTime(corpus, Analyzers.SymbolFloor(corpus), repeats);
        var ours = AnalyzerTime(corpus, Analyzers.ModelAnalyzers, repeats);
        Console.WriteLine($"{files} files: compile {compile:F0} ms; symbol floor {symbolFloor.Analyzer:F0} ms ({symbolFloor.Diagnostics} sites bound, {100 * symbolFloor.Analyzer / compile:F2}%); "
            + $"ModelAnalyzers {ours.Analyzer:F0} ms ({ours.Diagnostics} diagnostics, {100 * ours.Analyzer / compile:F2}%) = "
            + string.Join(" + ", ours.PerAnalyzer.Select(p => $"{p.Key} {p.Value:F0}")));
    }

    public static void Profile(int files, int runs)
    {
        var corpus = Corpus.Create(files);
        for (int run = 0; run < runs; run++)
        {
            var timed = AnalyzerTime(corpus, Analyzers.ModelAnalyzers, 1);
            Console.WriteLine($"run {run}: {timed.Analyzer:F0} ms analyzer execution time, {timed.Wall:F0} ms wall, {timed.Diagnostics} diagnostics (expected {corpus.ExpectedModelDiagnostics})");
        }
    }

    public static void Ide(int repeats)
    {
        foreach (bool withBindingFloor in new[] { false, true })
        {
            var ide = IdeLatency(2000, repeats, withBindingFloor);
            Console.WriteLine($"IDE, 2,000-line document{(withBindingFloor ? ", beside the binding floor" : "")}: {ide.Analyzer:F2} ms = "
                + string.Join(" + ", ide.PerAnalyzer.Select(p => $"{p.Key} {p.Value:F2}")));
        }
    }

    public static void ProfileIde(int repeats) =>
        Console.WriteLine($"IDE, 2,000-line document: {IdeLatency(2000, repeats).Analyzer:F2} ms median analyzer execution time");

    private static void Target(StringBuilder report, string target, string measured, bool met) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met ? "yes" : "**no**")} |");

    private static (double Wall, double Analyzer, int Diagnostics, Dictionary<string, double> PerAnalyzer) AnalyzerTime(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers, int repeats, params AdditionalText[] extra)
    {
        var walls = new List<double>();
        var executions = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        int diagnostics = 0;
        for (int i = 0; i < repeats; i++)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(corpus.AdditionalFiles.AddRange(extra)), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
            var compilation = corpus.Compilation.Clone();
            // The compiler's own first step, done before the clock starts for every analyzer set: binding the references
            // (the source assembly and its merged declarations). Otherwise the first analyzer that looks at a referenced
            // assembly in its compilation-start action pays for it, inside its execution time, while the no-op floor
            // never does; in a build and in the IDE the compiler needs it anyway and does it once.
            _ = compilation.SourceModule;
            var watch = Stopwatch.StartNew();
            var result = compilation.WithAnalyzers(analyzers, options).GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            walls.Add(watch.Elapsed.TotalMilliseconds);
            executions.Add(result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalMilliseconds));
            AddPerAnalyzer(perAnalyzer, result.AnalyzerTelemetryInfo);
            diagnostics = result.GetAllDiagnostics().Length;
        }

        return (Median(walls), Median(executions), diagnostics, Medians(perAnalyzer));
    }

    private static void AddPerAnalyzer(Dictionary<string, List<double>> perAnalyzer, IEnumerable<KeyValuePair<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo>> telemetry)
    {
        foreach (var (analyzer, info) in telemetry)
        {
            string name = analyzer.GetType().Name;
            (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(info.ExecutionTime.TotalMilliseconds);
        }
    }

    private static Dictionary<string, double> Medians(Dictionary<string, List<double>> perAnalyzer) => perAnalyzer.ToDictionary(p => p.Key, p => Median(p.Value));

    /// <summary>
    /// Runs before the IDE case's measured runs. An IDE runs the analyzers on every edit for as long as it is open, so
    /// the median is taken on warm code: .NET compiles a method with full optimization only after about 30 calls
    /// (tiered compilation), and a process that has analyzed one document is still running mostly unoptimized code.
    /// The first run of the process, cold, is reported beside it.
    /// </summary>
    private const int IdeWarmUpRuns = 30;

    /// <summary>
    /// One document under edit plus the rest of a small project, as in an open workspace: the compilation is already
    /// bound, and each keystroke's analysis asks for one document's diagnostics. With <paramref name="withBindingFloor"/>
    /// an operation-block analyzer runs beside ours, as the IDE's own analyzers do, and only our share is counted.
    /// </summary>
    private static (double Wall, double Analyzer, int Diagnostics, Dictionary<string, double> PerAnalyzer, double ColdAnalyzer) IdeLatency(int lines, int repeats, bool withBindingFloor = false)
    {
        var others = Corpus.Create(20).Compilation;
        var tree = CSharpSyntaxTree.ParseText(Corpus.LongFile(lines), new CSharpParseOptions(LanguageVersion.Latest), path: "/corpus/Long.cs");
        var compilation = others.AddSyntaxTrees(tree);
        compilation.GetDiagnostics();
        var analyzers = withBindingFloor ? Analyzers.BindingFloor.AddRange(Analyzers.ModelAnalyzers) : Analyzers.ModelAnalyzers;
        var walls = new List<double>();
        var executions = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        int diagnostics = 0;
        double cold = 0;
        for (int i = 0; i < IdeWarmUpRuns + repeats; i++)
        {
            // Each run is a keystroke: the document gets a new tree (parsed incrementally, one character added at its
            // end), so nothing bound or cached per tree is reused for it, and the compilation is new.
            var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(tree.Length, 0), " ")));
            compilation = compilation.ReplaceSyntaxTree(tree, edited);
            tree = edited;
            var model = compilation.GetSemanticModel(tree);
            model.GetDiagnostics();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
            var analysis = model.Compilation.WithAnalyzers(analyzers, options);
            var watch = Stopwatch.StartNew();
            var result = analysis.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            var ours = result.AnalyzerTelemetryInfo.Where(t => Analyzers.ModelAnalyzers.Contains(t.Key)).ToList();
            if (i == 0)
            {
                cold = ours.Sum(t => t.Value.ExecutionTime.TotalMilliseconds);
            }

            if (i < IdeWarmUpRuns)
            {
                continue;
            }

            walls.Add(watch.Elapsed.TotalMilliseconds);
            executions.Add(ours.Sum(t => t.Value.ExecutionTime.TotalMilliseconds));
            AddPerAnalyzer(perAnalyzer, ours);

            diagnostics = result.GetAllDiagnostics().Length;
        }

        return (Median(walls), Median(executions), diagnostics, Medians(perAnalyzer), cold);
    }

    private static (double Wall, double AllocatedMB, int Fixed) FixAll(int files, int sitesPerFile)
    {
        var project = new AdhocWorkspace().AddProject("FixAll", LanguageNames.CSharp)
            .WithMetadataReferences(Corpus.References)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        for (int i = 0; i < files; i++)
        {
            project = project.AddDocument($"FixAll{i}.cs", Corpus.FixAllFile(i, sitesPerFile), filePath: $"/fixall/FixAll{i}.cs").Project;
        }

        var compilation = project.GetCompilationAsync().GetAwaiter().GetResult()!;
        var diagnostics = compilation.WithAnalyzers(Analyzers.ModelAnalyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var provider = new UseModelCodeFixProvider();
        var document = project.Documents.First();
        var context = new FixAllContext(
            document, provider, FixAllScope.Solution, UseModelCodeFixProvider.EquivalenceKeyPrefix + "gpt-4o-mini", new[] { "MDL0001" }, new Precomputed(diagnostics), CancellationToken.None);

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var action = provider.GetFixAllProvider().GetFixAsync(context).GetAwaiter().GetResult()!;
        var solution = action.GetOperationsAsync(CancellationToken.None).GetAwaiter().GetResult().OfType<ApplyChangesOperation>().Single().ChangedSolution;
        double wall = watch.Elapsed.TotalMilliseconds;
        double allocatedMB = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;

        int fixedSites = solution.GetProject(project.Id)!.Documents.Sum(d => CountOf(d.GetTextAsync().GetAwaiter().GetResult().ToString(), "\"gpt-4o-mini\""));
        if (fixedSites != files * sitesPerFile)
        {
            throw new InvalidOperationException($"Fix All changed {fixedSites} of {files * sitesPerFile} sites");
        }

        return (wall, allocatedMB, fixedSites);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(int repeats, Func<double> measure) => Median(Enumerable.Range(0, repeats).Select(_ => measure()).ToList());

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed class Precomputed : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Precomputed(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}

using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Benchmarks;

/// <summary>
/// Whole-compilation analysis of the 1,000-file corpus, side by side: compile only, the no-op floor, ModelAnalyzers
/// and two peers. Each run uses a fresh clone of the compilation, so nothing bound in one run helps the next.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Corpus _corpus = null!;

    [Params(1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup() => _corpus = Corpus.Create(Files);

    [Benchmark(Baseline = true, Description = "compile only")]
    public int CompileOnly() => _corpus.Compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "floor (no-op analyzer)")]
    public int Floor() => Analyze(Analyzers.Floor);

    [Benchmark(Description = "ModelAnalyzers")]
    public int ModelAnalyzers()
    {
        int count = Analyze(Analyzers.ModelAnalyzers);
        return count == _corpus.ExpectedModelDiagnostics
            ? count
            : throw new InvalidOperationException($"ModelAnalyzers reported {count} diagnostics, expected {_corpus.ExpectedModelDiagnostics}");
    }

    [Benchmark(Description = "BannedApiAnalyzers")]
    public int BannedApi() => Analyze(Analyzers.BannedApi, Analyzers.BannedSymbols);

    [Benchmark(Description = "Meziantou.Analyzer")]
    public int Meziantou() => Analyze(Analyzers.Meziantou);

    private int Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, params AdditionalText[] extra)
    {
        var options = new AnalyzerOptions(_corpus.AdditionalFiles.AddRange(extra));
        return _corpus.Compilation.Clone().WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }
}

using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;

namespace ModelAnalyzers;

/// <summary>MDL0005: a value at a model site that is a near miss of a known id. Shares the pipeline of <see cref="ModelLifecycleAnalyzer"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelSpellingAnalyzer : PackageAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.Misspelled);

    private static bool Owns(VerdictKind kind) => kind == VerdictKind.Misspelled;

    // Configuration problems are reported once, by ModelLifecycleAnalyzer.
    internal override FileAnalysis? FileAnalysisFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        ModelJudgements.For(compilation, options, cancellationToken) is { } judgements ? VerdictReports.FileReports(judgements, Owns) : null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        if (ModelJudgements.For(start.Compilation, start.Options, start.CancellationToken) is { } judgements)
        {
            start.RegisterPromptReports(judgements, Owns);
        }
    }
}

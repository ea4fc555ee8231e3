using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;

namespace ModelAnalyzers;

/// <summary>MDL0005: a value at a model site that is a near miss of a known id. Shares the pipeline of <see cref="ModelLifecycleAnalyzer"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelSpellingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.Misspelled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated files are skipped per file by RegisterHandWrittenSemanticModelAction: see HandWrittenCode.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (ModelJudgements.For(start.Compilation, start.Options, start.CancellationToken) is not { } judgements)
            {
                return;
            }

            // Configuration problems are reported once, by ModelLifecycleAnalyzer.
            start.RegisterVerdictReports(judgements, kind => kind == VerdictKind.Misspelled);
        });
    }
}

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers;

/// <summary>
/// How an analyzer of the verdict rules (MDL0001-0003, MDL0005) reports: per hand-written file, each literal once
/// however many sites reach it, the verdicts it owns, with the offers the fixers read back (<see cref="FixData"/>).
/// The walk and the judgements are shared by both analyzers (<see cref="ModelJudgements"/>); each keeps its own
/// reported set.
/// </summary>
internal static class VerdictReports
{
    /// <summary>Per C# file: each literal once however many sites reach it, the verdicts the analyzer owns.</summary>
    public static FileAnalysis FileReports(ModelJudgements judgements, Func<VerdictKind, bool> owns)
    {
        var reported = ModelJudgements.NewReportedSet();
        return new FileAnalysis((model, report, cancellationToken) => judgements.Walk(model, reported, (judged, verdict) =>
        {
            if (owns(verdict.Kind))
            {
                report(Create(judged, verdict));
            }
        }, cancellationToken));
    }

    /// <summary>Prompt files name their model by schema: judged like a site, every verdict the analyzer owns.</summary>
    public static void RegisterPromptReports(this CompilationStartAnalysisContext start, ModelJudgements judgements, Func<VerdictKind, bool> owns)
    {
        if (start.Options.AdditionalFiles.Any(f => PromptFiles.IsPromptPath(f.Path)))
        {
            start.RegisterAdditionalFileAction(context =>
            {
                foreach (var judged in judgements.PromptFindings(context.AdditionalFile))
                {
                    if (judged.Verdict is { } verdict && owns(verdict.Kind))
                    {
                        context.ReportDiagnostic(Create(judged, verdict));
                    }
                }
            });
        }
    }

    /// <summary>The diagnostic of a judged value, with the offers its fixer reads back: the one way a verdict is reported (model-audit too).</summary>
    public static Diagnostic Create(JudgedValue judged, Verdict verdict) =>
        Diagnostic.Create(Rules.For(verdict.Kind), judged.Location, FixData.Create(verdict, judged.Value), verdict.Message);
}

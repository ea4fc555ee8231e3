using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Requests;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers;

/// <summary>
/// MDL0004: a request option the request's model rejects (Temperature on a reasoning model, a legacy max-tokens
/// option, an output limit above the model's maximum). Pipeline: option map (<see cref="RequestOptionMap"/>) ->
/// link to the request's model (<see cref="RequestLinker"/>) -> judgement (<see cref="OptionJudge"/>) -> a diagnostic
/// on the assignment, which the fix removes, renames or lowers. Its own analyzer, as every fix family has one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestOptionsAnalyzer : PackageAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.RejectedOption);

    internal override FileAnalysis? FileAnalysisFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        OptionsAndJudgements(compilation, options, cancellationToken) is ({ } requestOptions, { } judgements)
            ? new FileAnalysis((model, report, token) => Analyze(model, report, requestOptions, judgements, token))
            : null;

    // Nothing to check where no SDK option is a sampling parameter or an output limit, or no model SDK is referenced.
    private static (Dictionary<IPropertySymbol, RequestOption>?, ModelJudgements?) OptionsAndJudgements(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var requestOptions = CompilationMaps.RequestOptionsOf(compilation);
        return requestOptions.Values.Any(o => o.Role is OptionRole.Parameter or OptionRole.OutputLimit)
            ? (requestOptions, ModelJudgements.For(compilation, options, cancellationToken))
            : (null, null);
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        if (OptionsAndJudgements(start.Compilation, start.Options, start.CancellationToken) is not (not null, { } judgements))
        {
            return;
        }

        // Prompt files set request parameters beside their model (a prompty's model.parameters, Semantic Kernel's execution settings).
        if (start.Options.AdditionalFiles.Any(f => Settings.PromptFiles.IsPromptPath(f.Path)))
        {
            start.RegisterAdditionalFileAction(file =>
            {
                foreach (var (location, finding) in judgements.PromptOptionFindings(file.AdditionalFile))
                {
                    file.ReportDiagnostic(Diagnostic.Create(Rules.RejectedOption, location, FixData.ForOption(finding, finding.Model.Id), finding.Message));
                }
            });
        }
    }

    private static void Analyze(SemanticModel model, System.Action<Diagnostic> report, Dictionary<IPropertySymbol, RequestOption> options, ModelJudgements judgements, CancellationToken cancellationToken)
    {
        foreach (var (assignment, option, request) in RequestLinker.LinkAll(model, options, judgements.Sites, CompilationMaps.MembersOf(model.Compilation), cancellationToken))
        {
            // One report per assignment, for the first model of the request that rejects it.
            foreach (var literal in request.Models)
            {
                if (judgements.FindModel(literal.Value) is { } info && OptionJudge.Judge(info, option, request.Effort) is { } finding)
                {
                    report(Diagnostic.Create(Rules.RejectedOption, assignment.GetLocation(), FixData.ForOption(finding, info.Id), finding.Message));
                    break;
                }
            }
        }
    }
}

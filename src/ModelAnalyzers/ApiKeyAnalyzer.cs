using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Analysis;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Settings;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers;

/// <summary>
/// MDL0006: OpenAI secret keys that reach an SDK key or credential parameter (followed like model ids), and keys in
/// appsettings*.json. The message masks the key so logs and SARIF do not spread it further.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiKeyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HardCodedKey);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated files are skipped per file by RegisterHandWrittenSemanticModelAction: see HandWrittenCode.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // Keys pasted into appsettings leak whichever client reads them, so this check needs no SDK reference.
            if (start.Options.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, start.Options.AnalyzerConfigOptionsProvider)))
            {
                start.RegisterAdditionalFileAction(ReportKeysInAppSettings);
            }

            if (SiteIndex.Create(start.Compilation, SiteKind.ApiKey) is not { } sites)
            {
                return;
            }

            var reported = new ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte>();
            start.RegisterHandWrittenSemanticModelAction(model => SiteWalker.Walk(model, sites, (value, _) =>
            {
                foreach (var literal in ModelValueResolver.Resolve(value, model.CancellationToken))
                {
                    if (ApiKeyDetector.IsLikelyKey(literal.Value) && reported.TryAdd((literal.Node.SyntaxTree, literal.Node.Span), 0))
                    {
                        model.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedKey, literal.Node.GetLocation(), ApiKeyDetector.Mask(literal.Value)));
                    }
                }
            }));
        });
    }

    private static void ReportKeysInAppSettings(AdditionalFileAnalysisContext context)
    {
        if (!AppSettingsScanner.IsSettingsFile(context.AdditionalFile, context.Options.AnalyzerConfigOptionsProvider) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var setting in AppSettingsScanner.FindApiKeys(text.ToString()))
        {
            var location = AdditionalFileLocation.At(context.AdditionalFile.Path, text, setting.Line, setting.Column);
            context.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedKey, location, ApiKeyDetector.Mask(setting.Value)));
        }
    }
}

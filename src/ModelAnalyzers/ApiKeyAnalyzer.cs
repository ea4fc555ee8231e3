using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Walk;

namespace ModelAnalyzers;

/// <summary>
/// MDL0006: OpenAI secret keys that reach an SDK key or credential parameter (followed like model ids), and keys in
/// appsettings*.json. The message masks the key so logs and SARIF do not spread it further.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiKeyAnalyzer : PackageAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HardCodedKey);

    internal override FileAnalysis? FileAnalysisFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (!CompilationMaps.ReferencesKeySdk(compilation))
        {
            return null;
        }

        // The key sites are walked only when some file holds "sk-" (CompilationMaps.KeySitesOf): most compilations hold none.
        var reported = ModelJudgements.NewReportedSet();
        return new FileAnalysis((model, report, token) =>
        {
            if (CompilationMaps.KeySitesOf(model.Compilation) is not { } sites)
            {
                return;
            }

            foreach (var key in Keys(model, sites, token))
            {
                if (reported.TryAdd((key.Location.SourceTree!, key.Location.SourceSpan), 0))
                {
                    report(key);
                }
            }
        });
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        // Keys pasted into appsettings leak whichever client reads them, so this check needs no SDK reference.
        if (start.Options.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, start.Options.AnalyzerConfigOptionsProvider)))
        {
            start.RegisterAdditionalFileAction(ReportKeysInAppSettings);
        }
    }

    /// <summary>The keys the tree's key sites reach, in this file or another (a shared const).</summary>
    private static List<Diagnostic> Keys(SemanticModel model, SiteIndex sites, CancellationToken cancellationToken)
    {
        var keys = new List<Diagnostic>();
        SiteWalker.Walk(model, sites, members: null, (found, _) =>
        {
            foreach (var literal in found.Literals)
            {
                if (ApiKeyDetector.IsLikelyKey(literal.Value))
                {
                    keys.Add(Diagnostic.Create(Rules.HardCodedKey, literal.Node.GetLocation(), ApiKeyDetector.Mask(literal.Value)));
                }
            }
        }, cancellationToken);
        return keys;
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

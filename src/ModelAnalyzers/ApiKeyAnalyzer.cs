using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Settings;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Walk;

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

            // Every OpenAI key starts with "sk-", so a compilation without "sk-" in any file holds no key, and most hold
            // none: the walk (and the binding it needs) is skipped. All files, not just the one analyzed: a key may be a
            // const declared in another file. Each file is searched once for the life of its tree.
            var mayHoldKeys = new Lazy<bool>(() => start.Compilation.SyntaxTrees.Any(MayHoldKey));
            var reported = new ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte>();
            start.RegisterHandWrittenSemanticModelAction(model =>
            {
                if (mayHoldKeys.Value)
                {
                    WalkKeys(model, sites, reported);
                }
            });
        });
    }

    private static void WalkKeys(SemanticModelAnalysisContext model, SiteIndex sites, ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> reported) =>
        SiteWalker.Walk(model.SemanticModel, sites, members: null, (found, _) =>
        {
            foreach (var literal in found.Literals)
            {
                if (ApiKeyDetector.IsLikelyKey(literal.Value) && reported.TryAdd((literal.Node.SyntaxTree, literal.Node.Span), 0))
                {
                    model.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedKey, literal.Node.GetLocation(), ApiKeyDetector.Mask(literal.Value)));
                }
            }
        }, model.CancellationToken);

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> KeyPrefixFound = new();

    /// <summary>
    /// Whether the tree's text has "sk-" anywhere. A vectorized search of the text rather than the word index: a file of
    /// 2,000 lines takes microseconds, and it never waits for another analyzer indexing the same file.
    /// </summary>
    private static bool MayHoldKey(SyntaxTree tree) => KeyPrefixFound.GetValue(tree, t => new StrongBox<bool>(Search(t.GetText()))).Value;

    private static bool Search(SourceText text)
    {
        const int ChunkLength = 4096;
        var prefix = "sk-".AsSpan();
        var chunk = new char[ChunkLength];
        // Chunks overlap by two characters, so a prefix across a chunk boundary is found too.
        for (int offset = 0; offset < text.Length; offset += ChunkLength - (prefix.Length - 1))
        {
            int count = Math.Min(ChunkLength, text.Length - offset);
            text.CopyTo(offset, chunk, 0, count);
            if (chunk.AsSpan(0, count).IndexOf(prefix) >= 0)
            {
                return true;
            }

            if (offset + count == text.Length)
            {
                break;
            }
        }

        return false;
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

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers;

/// <summary>
/// The setup every analyzer of the package shares, written once: concurrent execution, generated code handed to the
/// analyzers (each file is then skipped or not by <see cref="HandWrittenCode"/>), and all work registered per
/// compilation, whose shared state lives in PerCompilation/ (RS1008). An analyzer's per-file work is its
/// <see cref="FileAnalysisFor"/>, which model-audit runs too; additional files and the compilation's end are
/// registered in <see cref="OnCompilationStart"/>.
/// </summary>
public abstract class PackageAnalyzer : DiagnosticAnalyzer
{
    // Only this assembly's analyzers derive from it.
    private protected PackageAnalyzer()
    {
    }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (FileAnalysisFor(start.Compilation, start.Options, start.CancellationToken) is { } files)
            {
                start.RegisterSemanticModelAction(file => files.Run(file.SemanticModel, file.Options, file.ReportDiagnostic, file.CancellationToken));
            }

            OnCompilationStart(start);
        });
    }

    /// <summary>What the analyzer does in each C# file of the compilation, or null when it cannot report there.</summary>
    internal abstract FileAnalysis? FileAnalysisFor(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken);

    /// <summary>Registers the analyzer's work on additional files and at the compilation's end.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start);
}

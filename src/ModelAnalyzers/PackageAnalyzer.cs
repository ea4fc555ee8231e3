using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers;

/// <summary>
/// The setup every analyzer of the package shares, written once: concurrent execution, generated code analyzed (each
/// file is then skipped or not by <see cref="HandWrittenCode"/>, which also knows the files a generator marks only by
/// name), and all work registered per compilation, whose shared state lives in PerCompilation/ (RS1008).
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
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Registers the analyzer's actions for one compilation, or nothing when it cannot report there.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext start);
}

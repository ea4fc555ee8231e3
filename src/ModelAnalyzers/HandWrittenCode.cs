using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers;

/// <summary>
/// Generated code is skipped per file (a `// &lt;auto-generated/&gt;` header, `*.g.cs`, `*.designer.cs`, generator
/// output), by the analyzers themselves. Left to the driver (GeneratedCodeAnalysisFlags.None), every diagnostic we
/// report also makes it search the file for [GeneratedCode] attributes: a third of one document's analysis time in
/// the IDE profile, for members that, in a hand-written file, users can fix like any other. So each analyzer asks for
/// generated code too (Analyze | ReportDiagnostics) and registers its per-file action through this filter.
/// </summary>
internal static class HandWrittenCode
{
    public static void RegisterHandWrittenSemanticModelAction(this CompilationStartAnalysisContext start, Action<SemanticModelAnalysisContext> action) =>
        start.RegisterSemanticModelAction(context =>
        {
            if (!context.IsGeneratedCode)
            {
                action(context);
            }
        });
}

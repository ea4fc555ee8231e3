using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers;

/// <summary>
/// One analyzer's work on each C# file of one compilation: the build's driver runs it on every file, model-audit on
/// the files that may hold a finding, so both report the same. What it reports may lie in another file (a shared
/// const). Generated files are skipped here (<see cref="HandWrittenCode"/>).
/// </summary>
internal sealed class FileAnalysis
{
    private readonly Action<SemanticModel, Action<Diagnostic>, CancellationToken> _analyze;

    public FileAnalysis(Action<SemanticModel, Action<Diagnostic>, CancellationToken> analyze) => _analyze = analyze;

    public void Run(SemanticModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (HandWrittenCode.Holds(model.SyntaxTree, options, cancellationToken))
        {
            _analyze(model, report, cancellationToken);
        }
    }
}

using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers;

/// <summary>
/// One analyzer's work on each C# file of one compilation: the build's driver runs it on every file, model-audit on
/// the files that may hold a finding, so both report the same. What it reports may lie in another file (a shared
/// const). Generated files are skipped here (<see cref="HandWrittenCode"/>), but for Razor's C#.
/// </summary>
internal sealed class FileAnalysis
{
    private readonly Action<SemanticModel, Action<Diagnostic>, CancellationToken> _analyze;

    public FileAnalysis(Action<SemanticModel, Action<Diagnostic>, CancellationToken> analyze) => _analyze = analyze;

    public void Run(SemanticModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var tree = model.SyntaxTree;
        if (!HandWrittenCode.Holds(tree, options, cancellationToken))
        {
            return;
        }

        // In Razor's C# only what #line maps back to the .razor file is the author's; the rest is the generator's.
        _analyze(model, HandWrittenCode.IsRazorOutput(tree.FilePath) ? d =>
        {
            if (d.Location.SourceTree != tree || tree.GetLineVisibility(d.Location.SourceSpan.Start, cancellationToken) != LineVisibility.Hidden)
            {
                report(d);
            }
        } : report, cancellationToken);
    }
}

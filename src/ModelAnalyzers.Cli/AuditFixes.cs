using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.CodeFixes;

namespace ModelAnalyzers.Cli;

/// <summary>model-audit --fix: the package's Fix All per target, collected as text changes, and the new text of each file.</summary>
internal static class AuditFixes
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers = ProjectAnalysis.Exported<CodeFixProvider>(typeof(UseModelCodeFixProvider).Assembly);
    /// <summary>
    /// Runs the package's Fix All over the project: each site to the chosen target, or to its own first offer. Every
    /// group is computed on the same texts, so its edits are collected as text changes and applied together.
    /// </summary>
    public static async Task FixAsync(Project project, ImmutableArray<Diagnostic> diagnostics, Dictionary<DocumentId, List<TextChange>> edits, AuditOptions options, Progress progress, CancellationToken cancellationToken)
    {
        var byTarget = diagnostics
            .Where(d => d.Id is RuleIds.Retired or RuleIds.Deprecated or RuleIds.Costlier)
            .Select(d => (Diagnostic: d, Target: options.FixTargetFor(FixData.ReadModel(d.Properties), Offers(d))))
            .Where(x => x.Target is not null)
            .GroupBy(x => x.Target!, StringComparer.Ordinal);
        var provider = Fixers.OfType<UseModelCodeFixProvider>().Single();
        await AddRazorEditsAsync(project, byTarget.SelectMany(g => g.Select(x => (x.Diagnostic, Target: g.Key))), edits, cancellationToken).ConfigureAwait(false);
        foreach (var group in byTarget)
        {
            progress.Report($"fixing {group.Count()} site(s) in {project.Name} -> {group.Key}");
            if (project.Documents.FirstOrDefault() is not { } anyDocument)
            {
                continue;
            }

            var context = new FixAllContext(
                anyDocument, provider, FixAllScope.Project, UseModelCodeFixProvider.EquivalenceKeyPrefix + group.Key,
                group.Select(x => x.Diagnostic.Id).Distinct(), new KnownDiagnostics(group.Select(x => x.Diagnostic).ToImmutableArray()), cancellationToken);
            if (await provider.GetFixAllProvider().GetFixAsync(context).ConfigureAwait(false) is not { } action)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is not ApplyChangesOperation apply)
                {
                    continue;
                }

                foreach (var changedId in apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments().Concat(c.GetChangedAdditionalDocuments())))
                {
                    if (!edits.TryGetValue(changedId, out var list))
                    {
                        edits[changedId] = list = new List<TextChange>();
                    }

                    // Minimal changes (a syntax diff for C#), so that the groups' edits of one file do not overlap.
                    if (apply.ChangedSolution.GetDocument(changedId) is { } changedDocument)
                    {
                        list.AddRange(await changedDocument.GetTextChangesAsync(project.Solution.GetDocument(changedId)!, cancellationToken).ConfigureAwait(false));
                    }
                    else
                    {
                        var before = await TextDocumentOf(project.Solution, changedId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        var after = await TextDocumentOf(apply.ChangedSolution, changedId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        list.AddRange(after.GetTextChanges(before));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sites in a Razor component's @code live in generated C#, which no fix can edit: the literal is replaced where
    /// #line maps it, in the .razor or .cshtml file (an additional document), when the text there is the same literal.
    /// </summary>
    private static async Task AddRazorEditsAsync(Project project, IEnumerable<(Diagnostic Diagnostic, string Target)> sites, Dictionary<DocumentId, List<TextChange>> edits, CancellationToken cancellationToken)
    {
        foreach (var (diagnostic, target) in sites)
        {
            var location = diagnostic.Location;
            if (location.SourceTree is not { } tree || !HandWrittenCode.IsRazorOutput(tree.FilePath)
                || (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(location.SourceSpan, getInnermostNodeForTie: true)
                    is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                || location.GetMappedLineSpan() is not { HasMappedPath: true } mapped
                || project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, mapped.Path, StringComparison.Ordinal)) is not { } razor)
            {
                continue;
            }

            var text = await razor.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (mapped.EndLinePosition.Line >= text.Lines.Count)
            {
                continue;
            }

            var span = text.Lines.GetTextSpan(mapped.Span);
            if (text.ToString(span) == literal.Token.Text)
            {
                if (!edits.TryGetValue(razor.Id, out var list))
                {
                    edits[razor.Id] = list = new List<TextChange>();
                }

                list.Add(new TextChange(span, SyntaxFactory.Literal(target).Text));
            }
        }
    }

    /// <summary>
    /// The new text of every file the fixes touch, once per file: the documents of one file in several projects or
    /// target frameworks (each framework fixes the code its #if keeps) have their edits merged. Overlapping edits: the
    /// first wins; identical ones merge.
    /// </summary>
    public static async Task<IReadOnlyList<FileChange>> ChangesAsync(Solution solution, Dictionary<DocumentId, List<TextChange>> edits, CancellationToken cancellationToken)
    {
        var changes = new List<FileChange>();
        var byFile = edits
            .Select(e => (Document: TextDocumentOf(solution, e.Key), Edits: e.Value))
            .Where(e => e.Document?.FilePath is not null)
            .GroupBy(e => e.Document!.FilePath!, StringComparer.Ordinal);
        foreach (var file in byFile)
        {
            string path = file.Key;
            var text = await file.First().Document!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var accepted = new List<TextChange>();
            foreach (var change in file.SelectMany(e => e.Edits).Distinct().OrderBy(c => c.Span.Start))
            {
                if (accepted.Count == 0 || accepted[^1].Span.End <= change.Span.Start)
                {
                    accepted.Add(change);
                }
            }

            changes.Add(new FileChange(path, text.ToString(), text.WithChanges(accepted).ToString(), text.Encoding));
        }

        return changes.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    private static TextDocument? TextDocumentOf(Solution solution, DocumentId id) =>
        (TextDocument?)solution.GetDocument(id) ?? solution.GetAdditionalDocument(id);

    private static List<string> Offers(Diagnostic diagnostic) => FixData.ReadOffers(diagnostic.Properties).Select(o => o.Target).ToList();
    /// <summary>Hands Fix All the diagnostics the audit already computed.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}

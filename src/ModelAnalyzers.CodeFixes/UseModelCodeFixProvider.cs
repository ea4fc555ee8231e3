using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// Offers one "Use 'target'" action per target the analyzer put in the diagnostic (never re-deriving them). The first
/// is the site's recommendation and carries one equivalence key for every site (<see cref="RecommendedEquivalenceKey"/>):
/// <c>dotnet format analyzers</c> applies the first action's key to every diagnostic, so one run moves each site to
/// its own recommendation. The other actions carry a key per target, so Fix All moves every site that offers that
/// target to it.
/// </summary>
// AdditionalDocument: model ids in appsettings*.json are fixed in place too.
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseModelCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class UseModelCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKeyPrefix = "ModelAnalyzers.UseModel:";

    /// <summary>Each site to its own first offer: the one the message names.</summary>
    public const string RecommendedEquivalenceKey = "ModelAnalyzers.UseRecommendedModel";

    /// <summary>Every typo has its own correction, so Fix All for MDL0005 applies each diagnostic's own suggestion.</summary>
    public const string SpellingEquivalenceKey = "ModelAnalyzers.UseSuggestedModel";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.Retired, RuleIds.Deprecated, RuleIds.Costlier, RuleIds.Misspelled);

    // Fix All rewrites each document once, replacing every literal whose diagnostic offers the chosen target.
    // (The general BatchFixer computes one whole-document change per site and merges them: ten times slower
    // and a gigabyte of garbage for 10,000 sites.) Settings files are rewritten the same way.
    public override FixAllProvider GetFixAllProvider() => new UseModelFixAllProvider();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (context.TextDocument is not Document)
        {
            RegisterSettingsFixes(context);
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var catalog = await SwitchingSafety.CatalogAsync(context.Document.Project).ConfigureAwait(false);
        SemanticModel? semanticModel = null;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax
                || FixData.ReadModel(diagnostic.Properties) is not { } model)
            {
                continue;
            }

            var document = context.Document;
            var span = diagnostic.Location.SourceSpan;
            var offers = FixData.ReadOffers(diagnostic.Properties);
            for (int i = 0; i < offers.Count; i++)
            {
                var (target, title) = offers[i];
                var conflicts = new List<OptionConflict>();
                if (SwitchingSafety.MayConflict(catalog, target))
                {
                    semanticModel ??= await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    if (semanticModel is not null)
                    {
                        conflicts = SwitchingSafety.Find(semanticModel, catalog, span, target, context.CancellationToken);
                    }
                }

                // The recommendation stays first even when the request's options need mending: the message, Fix All
                // and dotnet format all name it, and the action mends what it can (its title says what).
                string chosen = target;
                context.RegisterCodeFix(
                    CodeAction.Create(WithConflicts(title, target, conflicts), ct => ApplyAsync(document, new[] { new ModelEdit(span, model, chosen) }, ct), EquivalenceKey(diagnostic, i, target)),
                    diagnostic);
            }
        }
    }

    /// <summary>The first offer's key is shared by every site; a typo's correction is its own per site too.</summary>
    private static string EquivalenceKey(Diagnostic diagnostic, int index, string target) =>
        diagnostic.Id == RuleIds.Misspelled ? SpellingEquivalenceKey
        : index == 0 ? RecommendedEquivalenceKey
        : EquivalenceKeyPrefix + target;

    /// <summary>"Use 'o3' (saves ...); also removes Temperature, TopP, which 'o3' rejects".</summary>
    private static string WithConflicts(string title, string target, List<OptionConflict> conflicts)
    {
        var mended = conflicts.Where(c => c.CanApply).Select(c => OptionEdits.PropertyName(c.Assignment)).Distinct().ToList();
        var manual = conflicts.Where(c => !c.CanApply).Select(c => OptionEdits.PropertyName(c.Assignment)).Distinct().ToList();
        if (mended.Count > 0)
        {
            title += $"; also mends {string.Join(", ", mended)}, which '{target}' rejects";
        }

        if (manual.Count > 0)
        {
            title += $"; then change {string.Join(", ", manual)} by hand: '{target}' rejects it";
        }

        return title;
    }

    /// <summary>"ChatModel": "gpt-4" in appsettings.json: the fix swaps the JSON string and touches nothing else.</summary>
    private static void RegisterSettingsFixes(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var offers = FixData.ReadOffers(diagnostic.Properties);
            for (int i = 0; i < offers.Count; i++)
            {
                var (target, title) = offers[i];
                var document = context.TextDocument;
                context.RegisterCodeFix(
                    CodeAction.Create(title, async ct =>
                    {
                        var text = await document.GetTextAsync(ct).ConfigureAwait(false);
                        var rewritten = SettingsRewriter.Rewrite(text, new[] { (diagnostic, target) });
                        rewritten = PromptSwitching.Mend(document.FilePath ?? document.Name, text, rewritten, await SwitchingSafety.CatalogAsync(document.Project).ConfigureAwait(false));
                        return document.Project.Solution.WithAdditionalDocumentText(document.Id, rewritten);
                    }, EquivalenceKey(diagnostic, i, target)),
                    diagnostic);
            }
        }
    }

    /// <summary>Fix All in one document: every diagnostic that offers the key's target, through the same edit path as one site.</summary>
    internal static async Task<Document> FixDocumentAsync(Document document, IEnumerable<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
    {
        var edits = new List<ModelEdit>();
        foreach (var diagnostic in key is null ? Enumerable.Empty<Diagnostic>() : diagnostics)
        {
            if (FixData.ReadModel(diagnostic.Properties) is { } model && TargetFor(diagnostic, key!) is string target)
            {
                edits.Add(new ModelEdit(diagnostic.Location.SourceSpan, model, target));
            }
        }

        return edits.Count == 0 ? document : await ApplyAsync(document, edits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One literal to move: where it is, the model it names, the model it moves to.</summary>
    private readonly record struct ModelEdit(TextSpan Span, string Model, string Target);

    /// <summary>
    /// The one edit path of the single-site fix and Fix All: each literal rewritten in its own form, and the options of
    /// its requests that the target rejects mended (which needs the semantic model, as a Betalgo member does).
    /// </summary>
    private static async Task<Document> ApplyAsync(Document document, IReadOnlyList<ModelEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var catalog = await SwitchingSafety.CatalogAsync(document.Project).ConfigureAwait(false);
        var found = new List<(ExpressionSyntax Expression, ModelEdit Edit)>();
        foreach (var edit in edits)
        {
            if (root?.FindNode(edit.Span, getInnermostNodeForTie: true) is ExpressionSyntax expression)
            {
                found.Add((expression, edit));
            }
        }

        if (root is null || found.Count == 0)
        {
            return document;
        }

        // Fast path (no option rules, no Betalgo members): one ReplaceNodes over the tree, no semantic model.
        if (!found.Any(f => f.Expression is MemberAccessExpressionSyntax || SwitchingSafety.MayConflict(catalog, f.Edit.Target)))
        {
            var replacements = found.ToDictionary(f => (SyntaxNode)f.Expression, f => (SyntaxNode)ModelLiteralRewriter.Rewrite(f.Expression, f.Edit.Model, f.Edit.Target));
            return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        }

        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var mended = new HashSet<SyntaxNode>();
        foreach (var (expression, edit) in found)
        {
            editor.ReplaceNode(expression, ModelLiteralRewriter.Rewrite(expression, edit.Model, edit.Target, semanticModel));
            if (semanticModel is not null && SwitchingSafety.MayConflict(catalog, edit.Target))
            {
                MendConflicts(editor, SwitchingSafety.Find(semanticModel, catalog, edit.Span, edit.Target, cancellationToken), mended);
            }
        }

        return editor.GetChangedDocument();
    }

    private static void MendConflicts(DocumentEditor editor, List<OptionConflict> conflicts, HashSet<SyntaxNode> mended)
    {
        foreach (var conflict in conflicts)
        {
            if (conflict.CanApply && mended.Add(conflict.Assignment))
            {
                OptionEdits.Apply(editor, conflict.Assignment, conflict.Finding.Fix, conflict.Finding.FixValue);
            }
        }
    }

    /// <summary>The target this diagnostic offers under the Fix All's equivalence key, or null when it offers none.</summary>
    internal static string? TargetFor(Diagnostic diagnostic, string key)
    {
        var offers = FixData.ReadOffers(diagnostic.Properties);
        if (key == RecommendedEquivalenceKey)
        {
            return diagnostic.Id != RuleIds.Misspelled && offers.Count > 0 ? offers[0].Target : null;
        }

        foreach (var (target, _) in offers)
        {
            if (key == SpellingEquivalenceKey ? diagnostic.Id == RuleIds.Misspelled : diagnostic.Id != RuleIds.Misspelled && key == EquivalenceKeyPrefix + target)
            {
                return target;
            }
        }

        return null;
    }
}


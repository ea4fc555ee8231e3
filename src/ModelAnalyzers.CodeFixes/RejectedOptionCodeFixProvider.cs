using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// MDL0004: removes a rejected option (from an object initializer or as a whole statement), renames a legacy
/// max-tokens option to the supported one, or lowers an output limit to the model's maximum, as the analyzer chose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RejectedOptionCodeFixProvider))]
[Shared]
public sealed class RejectedOptionCodeFixProvider : CodeFixProvider
{
    public const string RemoveKey = "ModelAnalyzers.RemoveRejectedOption";
    public const string RenameKey = "ModelAnalyzers.UseSupportedOption";
    public const string LowerKey = "ModelAnalyzers.LowerOutputLimit";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RejectedOption);

    // One editor per document applies every fix of the Fix All at once, so neighbouring removals in one initializer
    // cannot conflict.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var editor = await DocumentEditor.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (KeyOf(diagnostic) == context.CodeActionEquivalenceKey)
            {
                Apply(editor, diagnostic);
            }
        }

        return editor.GetChangedDocument();
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || KeyOf(diagnostic) is not { } key || !CanApply(root, diagnostic))
            {
                continue;
            }

            var assignment = (AssignmentExpressionSyntax)root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            string property = OptionEdits.PropertyName(assignment);
            string? value = FixData.ReadOptionFix(diagnostic.Properties)?.Value;
            string title = key switch
            {
                RenameKey => $"Use {value} instead of {property}",
                LowerKey => $"Lower {property} to {value}",
                _ => $"Remove {property}",
            };
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(document, diagnostic, ct), key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        Apply(editor, diagnostic);
        return editor.GetChangedDocument();
    }

    private static string? KeyOf(Diagnostic diagnostic) => FixData.ReadOptionFix(diagnostic.Properties)?.Fix switch
    {
        OptionFix.Remove => RemoveKey,
        OptionFix.Rename => RenameKey,
        OptionFix.Lower => LowerKey,
        _ => null,
    };

    private static bool CanApply(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment
        && FixData.ReadOptionFix(diagnostic.Properties) is { } mend
        && OptionEdits.CanApply(assignment, mend.Fix, mend.Value);

    private static void Apply(DocumentEditor editor, Diagnostic diagnostic)
    {
        if (CanApply(editor.OriginalRoot, diagnostic))
        {
            var assignment = (AssignmentExpressionSyntax)editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var mend = FixData.ReadOptionFix(diagnostic.Properties)!.Value;
            OptionEdits.Apply(editor, assignment, mend.Fix, mend.Value);
        }
    }
}

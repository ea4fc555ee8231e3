using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

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
            string property = SiteName(assignment.Left);
            string title = key switch
            {
                RenameKey => $"Use {diagnostic.Properties[RequestOptionsAnalyzer.FixValueKey]} instead of {property}",
                LowerKey => $"Lower {property} to {diagnostic.Properties[RequestOptionsAnalyzer.FixValueKey]}",
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

    private static string? KeyOf(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(RequestOptionsAnalyzer.FixKey, out var fix) ? fix switch
        {
            "Remove" => RemoveKey,
            "Rename" => RenameKey,
            "Lower" => LowerKey,
            _ => null,
        } : null;

    /// <summary>
    /// Only edits that keep the code compiling and behaving the same apart from the option: a removed value must not
    /// have side effects, and a statement is removed only where a statement list holds it.
    /// </summary>
    private static bool CanApply(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment)
        {
            return false;
        }

        return KeyOf(diagnostic) switch
        {
            RemoveKey => !assignment.Right.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax or BaseObjectCreationExpressionSyntax or PostfixUnaryExpressionSyntax)
                && (assignment.Parent is InitializerExpressionSyntax
                    || assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax }),
            RenameKey => assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax,
            LowerKey => long.TryParse(diagnostic.Properties[RequestOptionsAnalyzer.FixValueKey], out _),
            _ => false,
        };
    }

    private static void Apply(DocumentEditor editor, Diagnostic diagnostic)
    {
        var root = editor.OriginalRoot;
        if (!CanApply(root, diagnostic))
        {
            return;
        }

        var assignment = (AssignmentExpressionSyntax)root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        string? value = diagnostic.Properties[RequestOptionsAnalyzer.FixValueKey];
        switch (KeyOf(diagnostic))
        {
            case RemoveKey when assignment.Parent is InitializerExpressionSyntax:
                editor.RemoveNode(assignment, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            case RemoveKey:
                editor.RemoveNode(assignment.Parent!, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            case RenameKey:
                var name = SyntaxFactory.IdentifierName(value!);
                editor.ReplaceNode(assignment.Left, assignment.Left switch
                {
                    MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
                    _ => name.WithTriviaFrom(assignment.Left),
                });
                break;
            case LowerKey:
                editor.ReplaceNode(assignment.Right, SyntaxFactory.ParseExpression(value!).WithTriviaFrom(assignment.Right));
                break;
        }
    }

    private static string SiteName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => left.ToString(),
    };
}

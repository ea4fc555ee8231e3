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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.CodeFixes;

/// <summary>
/// MDL0006: replaces a hard-coded key with a read of the OPENAI_API_KEY environment variable that fails loudly when
/// it is missing (so the expression stays a non-null string). Not offered where the language needs a constant
/// (a const initializer), since the result would not compile. The leaked key must still be rotated.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadKeyFromEnvironmentCodeFixProvider))]
[Shared]
public sealed class ReadKeyFromEnvironmentCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "ModelAnalyzers.ReadKeyFromEnvironment";
    private const string Title = "Read the key from the OPENAI_API_KEY environment variable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedKey);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression && !NeedsConstant(expression))
            {
                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(CodeAction.Create(Title, ct => ReplaceAsync(document, span, ct), EquivalenceKey), diagnostic);
            }
        }
    }

    private static bool NeedsConstant(ExpressionSyntax expression) =>
        expression.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var declaration } } }
        && declaration switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword),
            LocalDeclarationStatementSyntax local => local.IsConst,
            _ => false,
        };

    private static async Task<Document> ReplaceAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return document;
        }

        // Parenthesized so it stays one operand wherever the literal was; the simplifier drops the parentheses
        // (and the global::System. qualification) where they are not needed.
        var read = SyntaxFactory.ParseExpression(
                "(global::System.Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") ?? throw new global::System.InvalidOperationException(\"Set the OPENAI_API_KEY environment variable.\"))")
            .WithTriviaFrom(expression);
        read = read.ReplaceNodes(
                read.DescendantNodes().Where(n => n is MemberAccessExpressionSyntax or QualifiedNameSyntax),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, read));
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.CodeFixes;

/// <summary>Builds the replacement expression, keeping the literal's form (regular, verbatim or raw).</summary>
internal static class ModelLiteralRewriter
{
    public static ExpressionSyntax Rewrite(ExpressionSyntax expression, string model, string target, SemanticModel? semanticModel = null)
    {
        // Betalgo's Models.Gpt_4 becomes Models.Gpt_4o_mini when the referenced Betalgo version has that member.
        if (expression is MemberAccessExpressionSyntax access
            && semanticModel?.GetSymbolInfo(access).Symbol is IPropertySymbol { IsStatic: true } property
            && Values.ModelValueResolver.BetalgoModelId(property) is not null
            && Sites.BetalgoModels.PropertyFor(target) is { } member
            && property.ContainingType.GetMembers(member).Length > 0)
        {
            return access.WithName(SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name));
        }

        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            // Model ids need no escaping, so swapping the id inside the token text keeps @"", """ """ and quotes as written.
            string text = literal.Token.Text;
            int at = text.IndexOf(model, System.StringComparison.Ordinal);
            if (at >= 0 && text.IndexOf(model, at + 1, System.StringComparison.Ordinal) < 0)
            {
                string newText = text.Substring(0, at) + target + text.Substring(at + model.Length);
                if (SyntaxFactory.ParseExpression(newText) is LiteralExpressionSyntax parsed
                    && !parsed.ContainsDiagnostics && parsed.Token.ValueText == target)
                {
                    return literal.WithToken(parsed.Token.WithTriviaFrom(literal.Token));
                }
            }
        }

        // A constant concatenation or interpolation, or a literal with escapes: replace it with a plain literal.
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(target))
            .WithTriviaFrom(expression);
    }
}

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Values;

/// <summary>
/// The value-resolution step for the shapes that need no operation tree: literals, constants, fields, parameters,
/// calls, and <c>?:</c>, <c>??</c> and switch expressions of those. It reads syntax and asks the semantic model only
/// for symbols and constant values, which come from the member's bound tree; the first <c>GetOperation</c> in a member
/// builds the operation tree of the whole member, which was most of an edited document's analysis once the member
/// was bound. It answers as <see cref="ModelValueResolver"/> would, or not at all: a local (whose writes must be
/// looked for), a cast or any other shape makes it return false, and the caller follows the operation instead.
/// </summary>
internal static class SyntaxValueResolver
{
    /// <summary>Adds the literals <paramref name="value"/> can hold; false, having added nothing, when it cannot tell from syntax.</summary>
    public static bool TryResolve(ExpressionSyntax value, SemanticModel model, List<ModelLiteral> results, CancellationToken cancellationToken)
    {
        int count = results.Count;
        if (TryResolve(value, model, results, 0, cancellationToken))
        {
            return true;
        }

        results.RemoveRange(count, results.Count - count);
        return false;
    }

    private static bool TryResolve(ExpressionSyntax value, SemanticModel model, List<ModelLiteral> results, int depth, CancellationToken cancellationToken)
    {
        if (depth > ModelValueResolver.MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                results.Add(new ModelLiteral(literal, literal.Token.ValueText));
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                // C# operations have no node for parentheses: the literal inside is what is reported.
                return TryResolve(parenthesized.Expression, model, results, depth + 1, cancellationToken);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }:
                return TryResolveReference(value, model, results, cancellationToken);
        }

        // As the operation resolver: a constant is reported whole (a constant ?:, a concatenation, nameof).
        if (model.GetConstantValue(value, cancellationToken) is { HasValue: true } constant)
        {
            if (constant.Value is string text)
            {
                results.Add(new ModelLiteral(value, text));
                return true;
            }

            return false;
        }

        switch (value)
        {
            case ConditionalExpressionSyntax conditional:
                return TryResolve(conditional.WhenTrue, model, results, depth + 1, cancellationToken)
                    && TryResolve(conditional.WhenFalse, model, results, depth + 1, cancellationToken);
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                // config["OpenAI:Model"] ?? "gpt-4": the fallback is the literal that ships.
                return TryResolve(coalesce.Left, model, results, depth + 1, cancellationToken)
                    && TryResolve(coalesce.Right, model, results, depth + 1, cancellationToken);
            case SwitchExpressionSyntax switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (!TryResolve(arm.Expression, model, results, depth + 1, cancellationToken))
                    {
                        return false;
                    }
                }

                return true;
            case InvocationExpressionSyntax invocation:
                // A helper of the user's own (PickModel(m) => m ?? "gpt-4o"): what it returns; any other call: nothing.
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && ModelValueResolver.IsOwnString(method))
                {
                    ModelValueResolver.ResolveReturns(method, results, cancellationToken);
                }

                return true;
            case ElementAccessExpressionSyntax:
                // An indexer's result (config["Ai:Model"]) is not followed.
                return true;
            default:
                return false;
        }
    }

    private static bool TryResolveReference(ExpressionSyntax reference, SemanticModel model, List<ModelLiteral> results, CancellationToken cancellationToken)
    {
        switch (model.GetSymbolInfo(reference, cancellationToken).Symbol)
        {
            case IParameterSymbol:
                return true;
            case IFieldSymbol field:
                ModelValueResolver.ResolveField(field, results, cancellationToken);
                return true;
            case ILocalSymbol { IsConst: true } local:
                if (local.Type.SpecialType == SpecialType.System_String
                    && local.DeclaringSyntaxReferences.Length > 0
                    && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
                {
                    ModelValueResolver.AddDeclared(initializer, local.ConstantValue as string, results);
                }

                return true;
            case IPropertySymbol { IsStatic: true } property when ModelValueResolver.BetalgoModelId(property) is { } id:
                results.Add(new ModelLiteral(reference, id));
                return true;
            case IPropertySymbol property when ModelValueResolver.IsOwnString(property):
                // An options class's default or a settings getter of the user's own.
                ModelValueResolver.ResolveProperty(property, results, cancellationToken);
                return true;
            case IPropertySymbol:
                return true;
            default:
                // A local that may be written elsewhere, a method group, an error: the operation resolver decides.
                return false;
        }
    }
}

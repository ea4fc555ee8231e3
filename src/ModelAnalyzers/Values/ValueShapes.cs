using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Values;

/// <summary>
/// The one list of value shapes every walk follows (the site resolvers on syntax and on operations, declarations read
/// from another file, the wrappers' pre-filter): a new shape is one edit here.
/// </summary>
internal static class ValueShapes
{
    /// <summary>
    /// What a transparent shape holds: <c>(x)</c> and <c>x!</c>. C# operations have no node for them, so the literal
    /// inside is what is reported and replaced.
    /// </summary>
    public static ExpressionSyntax Unwrap(ExpressionSyntax value)
    {
        for (int depth = 0; depth <= ModelValueResolver.MaxDepth; depth++)
        {
            switch (value)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    value = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    value = suppressed.Operand;
                    break;
                default:
                    return value;
            }
        }

        return value;
    }

    /// <summary>
    /// The values a choosing shape can take, or null when <paramref name="value"/> is not one: both branches of
    /// <c>?:</c>, every arm of a switch expression, and both sides of <c>??</c> (the left may be a settings member
    /// whose written default ships; the right is the fallback that ships when configuration leaves it unset).
    /// </summary>
    public static IReadOnlyList<ExpressionSyntax>? Branches(ExpressionSyntax value)
    {
        switch (value)
        {
            case ConditionalExpressionSyntax conditional:
                return new[] { conditional.WhenTrue, conditional.WhenFalse };
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                return new[] { coalesce.Left, coalesce.Right };
            case SwitchExpressionSyntax switchExpression:
                var arms = new ExpressionSyntax[switchExpression.Arms.Count];
                for (int i = 0; i < arms.Length; i++)
                {
                    arms[i] = switchExpression.Arms[i].Expression;
                }

                return arms;
            default:
                return null;
        }
    }

    /// <summary>
    /// The shape that holds <paramref name="value"/> as its content or one of its values (the inverse of
    /// <see cref="Unwrap"/> and <see cref="Branches"/>), or null: from a literal up to the expression written.
    /// </summary>
    public static ExpressionSyntax? Holder(ExpressionSyntax value) => value.Parent switch
    {
        ParenthesizedExpressionSyntax parenthesized => parenthesized,
        PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => suppressed,
        ConditionalExpressionSyntax conditional when conditional.WhenTrue == value || conditional.WhenFalse == value => conditional,
        BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) => coalesce,
        SwitchExpressionArmSyntax arm when arm.Expression == value => arm.Parent as SwitchExpressionSyntax,
        _ => null,
    };

    /// <summary>True when <paramref name="value"/> or any value it can take (through the shapes above) satisfies <paramref name="test"/>.</summary>
    public static bool Any(ExpressionSyntax value, Func<ExpressionSyntax, bool> test, int depth = 0)
    {
        value = Unwrap(value);
        if (test(value))
        {
            return true;
        }

        if (depth < ModelValueResolver.MaxDepth && Branches(value) is { } branches)
        {
            foreach (var branch in branches)
            {
                if (Any(branch, test, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

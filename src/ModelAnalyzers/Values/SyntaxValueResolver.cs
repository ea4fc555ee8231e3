using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Values;

/// <summary>
/// The value-resolution step for the shapes that need no operation tree: literals, constants, fields, parameters,
/// calls, settings members, configuration reads, and the shapes of <see cref="ValueShapes"/> over those. It reads
/// syntax and asks the semantic model only for symbols and constant values, which come from the member's bound tree;
/// the first <c>GetOperation</c> in a member builds the operation tree of the whole member, which was most of an
/// edited document's analysis once the member was bound. It answers as <see cref="ModelValueResolver"/> would, or not
/// at all: a local (whose writes must be looked for), a cast or any other shape makes it return false, and the caller
/// follows the operation instead.
/// </summary>
internal static class SyntaxValueResolver
{
    /// <summary>Adds the sources <paramref name="value"/> can hold; false, having added nothing, when it cannot tell from syntax.</summary>
    public static bool TryResolve(ExpressionSyntax value, SemanticModel model, ValueSources results, CancellationToken cancellationToken)
    {
        var mark = results.Mark();
        if (TryResolve(value, model, results, 0, cancellationToken))
        {
            return true;
        }

        results.Rollback(mark);
        return false;
    }

    private static bool TryResolve(ExpressionSyntax value, SemanticModel model, ValueSources results, int depth, CancellationToken cancellationToken)
    {
        if (depth > ModelValueResolver.MaxDepth)
        {
            return false;
        }

        value = ValueShapes.Unwrap(value);
        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                results.Literals.Add(new ModelLiteral(literal, literal.Token.ValueText));
                return true;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }:
                return TryResolveReference(value, model, results, cancellationToken);
        }

        // As the operation resolver: a constant is reported whole (a constant ?:, a concatenation, nameof).
        if (model.GetConstantValue(value, cancellationToken) is { HasValue: true } constant)
        {
            if (constant.Value is string text)
            {
                results.Literals.Add(new ModelLiteral(value, text));
                return true;
            }

            return false;
        }

        if (ValueShapes.Branches(value) is { } branches)
        {
            foreach (var branch in branches)
            {
                if (!TryResolve(branch, model, results, depth + 1, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        switch (value)
        {
            case InvocationExpressionSyntax invocation:
                // A helper of the user's own (PickModel(m) => m ?? "gpt-4o"): what it returns; a configuration read
                // (GetValue<string>("Ai:Model")): its key; any other call: nothing.
                var symbol = model.GetSymbolInfo(invocation, cancellationToken).Symbol;
                if (symbol is IMethodSymbol method && ModelValueResolver.IsOwnString(method))
                {
                    ModelValueResolver.ResolveReturns(method, results, cancellationToken);
                }
                else if (symbol is not null && ConfigurationPaths.IsConfigurationMember(symbol) && ConfigurationPaths.KeyRead(invocation, model, cancellationToken) is { } key)
                {
                    results.ConfigurationKeys.Add(key);
                }

                return true;
            case ElementAccessExpressionSyntax access:
                // config["Ai:Model"]: its key; any other indexer's result is not followed.
                if (ConfigurationPaths.KeyRead(access, model, cancellationToken) is { } indexed)
                {
                    results.ConfigurationKeys.Add(indexed);
                }

                return true;
            default:
                return false;
        }
    }

    private static bool TryResolveReference(ExpressionSyntax reference, SemanticModel model, ValueSources results, CancellationToken cancellationToken)
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
                results.Literals.Add(new ModelLiteral(reference, id));
                return true;
            case IPropertySymbol property when ModelValueResolver.IsOwnString(property):
                // An options class's default, a settings getter of the user's own, and what is written to it.
                ModelValueResolver.ResolveProperty(property, results, cancellationToken);
                return true;
            case IPropertySymbol property when ConfigurationPaths.IsConfigurationMember(property):
                // section.Value
                if (ConfigurationPaths.KeyRead(reference, model, cancellationToken) is { } key)
                {
                    results.ConfigurationKeys.Add(key);
                }

                return true;
            case IPropertySymbol:
                return true;
            default:
                // A local that may be written elsewhere, a method group, an error: the operation resolver decides.
                return false;
        }
    }
}

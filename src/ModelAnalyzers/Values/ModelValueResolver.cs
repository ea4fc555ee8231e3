using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.Values;

/// <summary>
/// The value-resolution step: from the operation passed to a model site back to the literals it can hold.
/// Only flows that are certain are followed; anything else (a parameter, a mutable field, a call) yields nothing,
/// so a string is never reported unless it really reaches the SDK.
/// </summary>
internal static class ModelValueResolver
{
    // Bounds chains like local -> local -> field so hostile code cannot make resolution expensive.
    internal const int MaxDepth = 8;

    /// <summary>Adds the sources <paramref name="value"/> can hold.</summary>
    public static void Resolve(IOperation value, ValueSources results, CancellationToken cancellationToken) =>
        Resolve(value, results, 0, cancellationToken);

    private static void Resolve(IOperation? operation, ValueSources results, int depth, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            return;
        }

        switch (operation)
        {
            case IFieldReferenceOperation field:
                ResolveField(field.Field, results, cancellationToken);
                return;
            case ILocalReferenceOperation local:
                ResolveLocal(local, results, depth, cancellationToken);
                return;
            case IPropertyReferenceOperation { Property: { IsStatic: true } property } when BetalgoModelId(property) is { } id:
                // Betalgo's Models.Gpt_4: a property, so no constant; its value comes from the map.
                results.Literals.Add(new ModelLiteral(operation.Syntax, id));
                return;
            case IPropertyReferenceOperation { Property: var property } when IsOwnString(property):
                ResolveProperty(property, results, cancellationToken);
                return;
            case IInvocationOperation { TargetMethod: var method } when IsOwnString(method):
                ResolveReturns(method, results, cancellationToken);
                return;
            case IInvocationOperation or IPropertyReferenceOperation when operation.SemanticModel is { } configurationModel
                    && operation.Syntax is ExpressionSyntax read && ConfigurationPaths.KeyRead(read, configurationModel, cancellationToken) is { } key:
                results.ConfigurationKeys.Add(key);
                return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            // A literal, or a constant concatenation/interpolation: reported (and replaced) as a whole.
            results.Literals.Add(new ModelLiteral(operation.Syntax, constant));
            return;
        }

        if (operation is IConversionOperation conversion && conversion.Syntax != conversion.Operand.Syntax)
        {
            Resolve(conversion.Operand, results, depth + 1, cancellationToken); // an explicit cast: (string)(object)"gpt-4"
            return;
        }

        // ?:, ?? and switch arms: the shapes every resolver follows, taken from syntax and bound back to operations.
        if (operation.Syntax is ExpressionSyntax syntax && operation.SemanticModel is { } model && ValueShapes.Branches(ValueShapes.Unwrap(syntax)) is { } branches)
        {
            foreach (var branch in branches)
            {
                Resolve(model.GetOperation(ValueShapes.Unwrap(branch), cancellationToken), results, depth + 1, cancellationToken);
            }
        }
        else if (operation is IConversionOperation implicitConversion)
        {
            Resolve(implicitConversion.Operand, results, depth + 1, cancellationToken);
        }
    }

    /// <summary>
    /// A string property or method declared in this compilation's source (an options class, a settings getter, a
    /// helper that picks a model): its declared value can be read from syntax. SDK members have no source here.
    /// </summary>
    internal static bool IsOwnString(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type.SpecialType == SpecialType.System_String && !property.IsIndexer && property.DeclaringSyntaxReferences.Length > 0,
        IMethodSymbol method => method.ReturnType.SpecialType == SpecialType.System_String && method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
            && method.DeclaringSyntaxReferences.Length > 0,
        _ => false,
    };

    /// <summary>
    /// The sources a property of the user's own can hold when a site reads it: its initializer (the default that runs
    /// when configuration leaves it unset), what its getter returns, and, with <see cref="ValueSources.Members"/>, every
    /// write to it and the configuration keys bound to it.
    /// </summary>
    internal static void ResolveProperty(IPropertySymbol property, ValueSources results, CancellationToken cancellationToken)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                continue;
            }

            if (declaration.Initializer is { } initializer)
            {
                AddDeclared(initializer.Value, null, results);
            }

            if (declaration.ExpressionBody is { } body)
            {
                AddDeclared(body.Expression, null, results);
            }

            foreach (var accessor in declaration.AccessorList?.Accessors ?? default)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    AddReturned(accessor.ExpressionBody?.Expression, accessor.Body, results);
                }
            }
        }

        results.Members?.AddSourcesOf(property, results, cancellationToken);
    }

    /// <summary>What a method of the user's own returns: its expression body, or every return statement of its body.</summary>
    internal static void ResolveReturns(IMethodSymbol method, ValueSources results, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case MethodDeclarationSyntax declaration:
                    AddReturned(declaration.ExpressionBody?.Expression, declaration.Body, results);
                    break;
                case LocalFunctionStatementSyntax local:
                    AddReturned(local.ExpressionBody?.Expression, local.Body, results);
                    break;
            }
        }
    }

    private static void AddReturned(ExpressionSyntax? expressionBody, BlockSyntax? body, ValueSources results)
    {
        if (expressionBody is not null)
        {
            AddDeclared(expressionBody, null, results);
            return;
        }

        // Early returns of literals count; the returns of lambdas and local functions inside do not.
        foreach (var node in body?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)) ?? Enumerable.Empty<SyntaxNode>())
        {
            if (node is ReturnStatementSyntax { Expression: { } returned })
            {
                AddDeclared(returned, null, results);
            }
        }
    }

    /// <summary>The id a Betalgo Models property returns, or null for any other property.</summary>
    public static string? BetalgoModelId(IPropertySymbol property) =>
        property.ContainingAssembly?.Identity.Name == BetalgoModels.Assembly
        && property.ContainingType.ToDisplayString() == BetalgoModels.TypeName
        && BetalgoModels.IdByProperty.TryGetValue(property.Name, out var id)
            ? id
            : null;

    internal static void ResolveField(IFieldSymbol field, ValueSources results, CancellationToken cancellationToken)
    {
        if (field.Type.SpecialType != SpecialType.System_String || field.DeclaringSyntaxReferences.Length == 0)
        {
            return;
        }

        // A field anyone may write is known only when every write can be looked for.
        bool mutable = !field.IsConst && !field.IsReadOnly;
        if (mutable && results.Members is null)
        {
            return;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                AddDeclared(initializer, field.IsConst ? field.ConstantValue as string : null, results);
            }
        }

        if (mutable)
        {
            results.Members!.AddSourcesOf(field, results, cancellationToken);
            return;
        }

        if (field.IsConst)
        {
            return;
        }

        // The compiler only lets constructors of the declaring type assign a readonly field.
        var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax(cancellationToken);
                foreach (var assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && NamesField(assignment.Left, field))
                    {
                        AddDeclared(assignment.Right, null, results);
                    }
                }
            }
        }
    }

    private static void ResolveLocal(ILocalReferenceOperation reference, ValueSources results, int depth, CancellationToken cancellationToken)
    {
        var local = reference.Local;
        if (local.Type.SpecialType != SpecialType.System_String || local.IsRef)
        {
            return;
        }

        var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
        if (declarator?.Initializer?.Value is not { } initializer)
        {
            return;
        }

        if (local.IsConst)
        {
            AddDeclared(initializer, local.ConstantValue as string, results);
            return;
        }

        if (!IsOnlyWrittenByInitializer(reference, local)
            || reference.SemanticModel?.GetOperation(declarator, cancellationToken) is not IVariableDeclaratorOperation declaration)
        {
            return;
        }

        Resolve(declaration.Initializer?.Value, results, depth + 1, cancellationToken);
    }

    /// <summary>True when nothing in the enclosing body (lambdas and local functions included) writes the local.</summary>
    internal static bool IsOnlyWrittenByInitializer(IOperation anyUse, ILocalSymbol local)
    {
        var root = anyUse;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var use in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(use.Local, local) && IsWrite(use))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWrite(ILocalReferenceOperation use) => use.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == use,
        IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
        IIncrementOrDecrementOperation => true,
        ITupleOperation => true, // part of a deconstruction target; staying silent is the safe answer
        _ => false,
    };

    /// <summary>
    /// A declaration's value, read from syntax (it may sit in another file, where this site's semantic model
    /// does not reach): string literals and the values of <see cref="ValueShapes"/>. A constant of another shape (a
    /// concatenation, a constant ?:) is reported as a whole.
    /// </summary>
    internal static void AddDeclared(ExpressionSyntax value, string? constant, ValueSources results, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        value = ValueShapes.Unwrap(value);
        if (value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            results.Literals.Add(new ModelLiteral(literal, literal.Token.ValueText));
            return;
        }

        if (constant is not null)
        {
            results.Literals.Add(new ModelLiteral(value, constant));
            return;
        }

        foreach (var branch in ValueShapes.Branches(value) ?? Array.Empty<ExpressionSyntax>())
        {
            AddDeclared(branch, null, results, depth + 1);
        }
    }

    private static bool NamesField(ExpressionSyntax target, IFieldSymbol field) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == field.Name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access =>
            access.Name.Identifier.ValueText == field.Name,
        _ => false,
    };
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;

namespace ModelAnalyzers.Values;

/// <summary>
/// Where a settings member of the user's own gets its value, when a model site reads it: every write to it in the
/// compilation (assignments, also in <c>Configure&lt;T&gt;(o =&gt; ...)</c> lambdas; object initializers, <c>with</c>
/// expressions, <c>init</c>; a positional record's or primary constructor's argument) and the configuration keys bound
/// to it (<see cref="ConfigurationBindings"/>). One per compilation; a member's sources are found once, from the words
/// of each file (a file that never names the member is not walked).
/// </summary>
internal sealed class MemberSources
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, ValueSources> _byMember = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ConfigurationBindings> _bindings;

    // The members being followed on this thread: a.X = b.Y; b.Y = a.X must end.
    [ThreadStatic]
    private static HashSet<ISymbol>? t_following;

    public MemberSources(Compilation compilation)
    {
        _compilation = compilation;
        _bindings = new Lazy<ConfigurationBindings>(() => ConfigurationBindings.Find(compilation, CancellationToken.None));
    }

    /// <summary>
    /// Adds what is written to <paramref name="member"/> anywhere in the compilation and the configuration keys bound
    /// to it. A member the site reads itself is listed in <see cref="ValueSources.DirectMembers"/>, and the literals
    /// written to it keep their <see cref="ModelLiteral.Written"/> mark; through another member's write they lose it.
    /// </summary>
    public void AddSourcesOf(ISymbol member, ValueSources into, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        var following = t_following ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        bool direct = following.Count == 0;
        if (direct)
        {
            into.DirectMembers.Add(member);
        }

        if (_byMember.TryGetValue(member, out var known))
        {
            into.AddFrom(known, written: direct);
            return;
        }

        if (!following.Add(member))
        {
            return; // a cycle: the outer follow already collects this member's writes
        }

        try
        {
            var found = new ValueSources(this);
            AddWrites(member, found, cancellationToken);
            found.ConfigurationKeys.AddRange(_bindings.Value.KeysOf(member));

            // Only a follow that no cycle cut short is complete enough to keep.
            if (direct)
            {
                _byMember.TryAdd(member, found);
            }

            into.AddFrom(found, written: direct);
        }
        finally
        {
            following.Remove(member);
        }
    }

    /// <summary>The settings members a write in this file sets: the written member, or for a constructor argument the members its parameter initializes.</summary>
    public static IEnumerable<ISymbol> MembersInitializedBy(IMethodSymbol constructor, string parameterName, CancellationToken cancellationToken)
    {
        if (!IsPrimary(constructor, cancellationToken))
        {
            yield break;
        }

        foreach (var member in constructor.ContainingType.OriginalDefinition.GetMembers())
        {
            if (member is IPropertySymbol property && InitializingParameter(property, cancellationToken) == parameterName)
            {
                yield return property;
            }
        }
    }

    /// <summary>
    /// The primary constructor parameter a property takes its value from: a positional record's own parameter, or
    /// <c>public string Model { get; } = model;</c> in a class with a primary constructor.
    /// </summary>
    private static string? InitializingParameter(IPropertySymbol property, CancellationToken cancellationToken)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case ParameterSyntax { Parent: ParameterListSyntax { Parent: TypeDeclarationSyntax } } parameter:
                    return parameter.Identifier.ValueText;
                case PropertyDeclarationSyntax { Initializer.Value: var value } declaration
                    when ValueShapes.Unwrap(value) is IdentifierNameSyntax name
                        && declaration.Parent is TypeDeclarationSyntax { ParameterList: { } parameters }
                        && parameters.Parameters.Any(p => p.Identifier.ValueText == name.Identifier.ValueText):
                    return name.Identifier.ValueText;
            }
        }

        return null;
    }

    private void AddWrites(ISymbol member, ValueSources into, CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var token in IdentifierIndex.Identifiers(tree, member.Name, cancellationToken))
            {
                if (token.Parent is not IdentifierNameSyntax name)
                {
                    continue;
                }

                ExpressionSyntax target = name.Parent switch
                {
                    MemberAccessExpressionSyntax access when access.Name == name => access,
                    MemberBindingExpressionSyntax binding when binding.Name == name => binding,
                    _ => name,
                };
                if (target.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == target)
                {
                    model ??= _compilation.GetSemanticModel(tree);
                    if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, member))
                    {
                        ResolveWrite(assignment.Right, model, into, cancellationToken);
                    }
                }
            }
        }

        // record AiOptions(string ChatModel), or a property initialized from a primary constructor's parameter.
        if (member is IPropertySymbol property && InitializingParameter(property, cancellationToken) is { } parameter)
        {
            AddConstructorArguments(property.ContainingType, parameter, into, cancellationToken);
        }
    }

    /// <summary>
    /// The arguments passed for a primary constructor's parameter wherever the type is created by name
    /// (<c>new AiOptions("gpt-4")</c>, <c>new AiOptions(ChatModel: "gpt-4")</c>).
    /// </summary>
    private void AddConstructorArguments(INamedTypeSymbol type, string parameterName, ValueSources into, CancellationToken cancellationToken)
    {
        type = type.OriginalDefinition;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var token in IdentifierIndex.Identifiers(tree, type.Name, cancellationToken))
            {
                if (token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

                var typeSyntax = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? (TypeSyntax)qualified : name;
                if (typeSyntax.Parent is not ObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation || creation.Type != typeSyntax)
                {
                    continue;
                }

                model ??= _compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol constructor
                    || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, type)
                    || !IsPrimary(constructor, cancellationToken))
                {
                    continue;
                }

                for (int i = 0; i < arguments.Arguments.Count; i++)
                {
                    var argument = arguments.Arguments[i];
                    string? name2 = argument.NameColon is { } named ? named.Name.Identifier.ValueText : i < constructor.Parameters.Length ? constructor.Parameters[i].Name : null;
                    if (name2 == parameterName && argument.RefKindKeyword.RawKind == 0)
                    {
                        ResolveWrite(argument.Expression, model, into, cancellationToken);
                    }
                }
            }
        }
    }

    private static bool IsPrimary(IMethodSymbol constructor, CancellationToken cancellationToken) =>
        constructor.DeclaringSyntaxReferences.Length == 1 && constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is TypeDeclarationSyntax;

    /// <summary>What a written expression can hold; the literals inside it are marked <see cref="ModelLiteral.Written"/>.</summary>
    public static void ResolveWrite(ExpressionSyntax value, SemanticModel model, ValueSources into, CancellationToken cancellationToken)
    {
        var found = new ValueSources(into.Members);
        if (!SyntaxValueResolver.TryResolve(value, model, found, cancellationToken) && model.GetOperation(value, cancellationToken) is { } operation)
        {
            ModelValueResolver.Resolve(operation, found, cancellationToken);
        }

        foreach (var literal in found.Literals)
        {
            bool inside = literal.Node.SyntaxTree == value.SyntaxTree && value.Span.Contains(literal.Node.Span);
            into.Literals.Add(literal with { Written = inside });
        }

        into.ConfigurationKeys.AddRange(found.ConfigurationKeys);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.Analysis;

/// <summary>
/// Finds the values passed to SDK sites in one syntax tree. Runs from a semantic-model action rather than operation
/// actions: Roslyn treats a diagnostic as local only when it lies inside the code being analyzed, and a const declared
/// elsewhere in the file is outside an operation's span. Local diagnostics are what the IDE shows as you type and
/// what its light bulb can fix.
/// </summary>
internal static class SiteWalker
{
    // The three analyzers walk the same trees: enumerating every node was the largest item of their profile, so the
    // calls, constructions and assignments of a tree are collected once and shared. Syntax only, so the cache does not
    // depend on a compilation; it lives as long as the tree does.
    private static readonly ConditionalWeakTable<SyntaxTree, SyntaxNode[]> CandidateNodes = new();

    public static void Walk(SemanticModelAnalysisContext context, SiteIndex sites, Action<IOperation, SdkSite> onValue)
    {
        var model = context.SemanticModel;
        foreach (var node in Candidates(model.SyntaxTree))
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // Cheap syntactic filters first; only candidates are bound.
            switch (node)
            {
                case InvocationExpressionSyntax invocation when sites.IsCandidateMethodName(InvokedName(invocation.Expression)):
                    if (model.GetOperation(invocation, context.CancellationToken) is IInvocationOperation call
                        && sites.Find(call.TargetMethod) is { } methodSites)
                    {
                        VisitArguments(call.Arguments, methodSites, onValue);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation is ImplicitObjectCreationExpressionSyntax
                        || sites.IsCandidateTypeName(TypeName(creation)):
                    if (model.GetOperation(creation, context.CancellationToken) is IObjectCreationOperation { Constructor: { } constructor } created
                        && sites.Find(constructor) is { } constructorSites)
                    {
                        VisitArguments(created.Arguments, constructorSites, onValue);
                    }

                    break;
                // In an object initializer the created type's name filters too (binding a member body is the
                // expensive part): { Model = ... } on a user's own Settings class is never bound.
                case AssignmentExpressionSyntax assignment when sites.IsCandidatePropertyName(AssignedName(assignment.Left))
                        && (assignment.Parent is not InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax initialized }
                            || sites.IsCandidateInitializedTypeName(TypeName(initialized))):
                    // Object initializers ({ Model = "gpt-4" }) and plain assignments (settings.Model = "gpt-4").
                    if (model.GetOperation(assignment, context.CancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } set
                        && sites.Find(property) is { Count: > 0 } propertySites)
                    {
                        onValue(set.Value, propertySites[0]);
                    }

                    break;
            }
        }
    }

    /// <summary>The tree's calls, constructions and assignments, collected once per tree for every analyzer.</summary>
    public static SyntaxNode[] Candidates(SyntaxTree tree) => CandidateNodes.GetValue(tree, CollectCandidates);

    private static SyntaxNode[] CollectCandidates(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes()
            .Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax)
            .ToArray();

    private static void VisitArguments(ImmutableArray<IArgumentOperation> arguments, IReadOnlyList<SdkSite> sites, Action<IOperation, SdkSite> onValue)
    {
        foreach (var argument in arguments)
        {
            foreach (var site in sites)
            {
                if (argument.Parameter?.Name == site.Parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    onValue(argument.Value, site);
                }
            }
        }
    }

    public static string? InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    public static string? TypeName(BaseObjectCreationExpressionSyntax creation) => (creation as ObjectCreationExpressionSyntax)?.Type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    public static string? AssignedName(ExpressionSyntax target) => target switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Walk;

/// <summary>
/// Finds the values passed to SDK sites in one syntax tree. Runs from a semantic-model action rather than operation
/// actions: Roslyn treats a diagnostic as local only when it lies inside the code being analyzed, and a const declared
/// elsewhere in the file is outside an operation's span. Local diagnostics are what the IDE shows as you type and
/// what its light bulb can fix.
/// </summary>
internal static class SiteWalker
{
    public static void Walk(SemanticModel model, SiteIndex sites, MemberSources? members, Action<ValueSources, SdkSite> onFound, CancellationToken cancellationToken) =>
        Walk(model, sites, CandidateNodes.Find(model.SyntaxTree, sites.CandidateNames, cancellationToken), members, onFound, cancellationToken);

    /// <summary>What reaches each site of the index in the tree (literals and configuration keys), with the site.</summary>
    /// <param name="members">Follows writes to, and bindings of, the settings members sites read; null: not followed.</param>
    /// <param name="candidates">Nodes found by at least the index's names: found from the tree's words, not by visiting every node.</param>
    /// <remarks>
    /// A candidate's symbol is asked first (GetSymbolInfo reads the member's bound tree), and the values passed to
    /// the site are read from syntax and symbols where they can be (<see cref="SyntaxValueResolver"/>): the first
    /// GetOperation in a member builds the operation tree of the whole member, which was most of one document's
    /// analysis once its members were bound. Operations only where a value must be followed (a local).
    /// </remarks>
    public static void Walk(SemanticModel model, SiteIndex sites, IEnumerable<SyntaxNode> candidates, MemberSources? members, Action<ValueSources, SdkSite> onFound, CancellationToken cancellationToken)
    {
        void OnValue(IOperation value, SdkSite site)
        {
            var found = new ValueSources(members);
            ModelValueResolver.Resolve(value, found, cancellationToken);
            onFound(found, site);
        }

        foreach (var node in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Cheap syntactic filters first; only candidates are bound.
            switch (node)
            {
                // A site is a parameter: a call or creation without arguments passes no model (a default value is
                // never judged), and is not bound. `new()` in a field initializer is bound on its own, with nullable
                // analysis, and nothing else shares that binding: it was a third of the walk on every file that had one.
                case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Count > 0
                        && sites.IsCandidateMethodName(NodeNames.InvokedName(invocation.Expression)):
                    // An extension method called on its receiver is reduced; the site map knows its static form.
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                        && sites.Find(method.ReducedFrom ?? method) is { } methodSites
                        && !TrySyntaxArguments(invocation.ArgumentList, method, methodSites, model, members, onFound, cancellationToken)
                        && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call)
                    {
                        VisitArguments(call.Arguments, methodSites, OnValue);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { Arguments.Count: > 0 }
                        && (creation is ImplicitObjectCreationExpressionSyntax || sites.IsCandidateTypeName(NodeNames.TypeName(creation))):
                    if (model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
                        && sites.Find(constructor) is { } constructorSites
                        && !TrySyntaxArguments(creation.ArgumentList, constructor, constructorSites, model, members, onFound, cancellationToken)
                        && model.GetOperation(creation, cancellationToken) is IObjectCreationOperation created)
                    {
                        VisitArguments(created.Arguments, constructorSites, OnValue);
                    }

                    break;
                // A constructor chained to an SDK client's: class MyChat : ChatClient { MyChat(string k) : base("gpt-4", k) { } },
                // and a primary constructor's base: class MyChat(string k) : ChatClient("gpt-4", k).
                case ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                    var arguments = ArgumentsOf(node);
                    if (arguments is { Arguments.Count: > 0 }
                        && (node is ConstructorInitializerSyntax || sites.IsCandidateTypeName(NodeNames.BaseTypeName((PrimaryConstructorBaseTypeSyntax)node)))
                        && model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol baseConstructor
                        && sites.Find(baseConstructor) is { } baseSites
                        && !TrySyntaxArguments(arguments, baseConstructor, baseSites, model, members, onFound, cancellationToken)
                        && model.GetOperation(node, cancellationToken) is IInvocationOperation chained)
                    {
                        VisitArguments(chained.Arguments, baseSites, OnValue);
                    }

                    break;

                // In an object initializer the created type's name filters too (binding a member body is the
                // expensive part): { Model = ... } on a user's own Settings class is never bound.
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                        && sites.IsCandidatePropertyName(NodeNames.AssignedName(assignment.Left))
                        && (assignment.Parent is not InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax initialized }
                            || sites.IsCandidateInitializedTypeName(NodeNames.TypeName(initialized))):
                    // Object initializers ({ Model = "gpt-4" }) and plain assignments (settings.Model = "gpt-4").
                    if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IPropertySymbol property
                        && sites.Find(property) is { Count: > 0 } propertySites)
                    {
                        var found = new ValueSources(members);
                        if (SyntaxValueResolver.TryResolve(assignment.Right, model, found, cancellationToken))
                        {
                            onFound(found, propertySites[0]);
                        }
                        else if (model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } set)
                        {
                            OnValue(set.Value, propertySites[0]);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Reports the sites' arguments from syntax and symbols when each can be resolved so, or is left out (a default
    /// value is never judged), so the member's operation tree is not built. False, having reported nothing, when any
    /// argument needs its operation followed or the arguments cannot be matched to parameters by position and name alone.
    /// </summary>
    private static bool TrySyntaxArguments(ArgumentListSyntax? list, IMethodSymbol method, IReadOnlyList<SdkSite> sites, SemanticModel model, MemberSources? members, Action<ValueSources, SdkSite> onFound, CancellationToken cancellationToken)
    {
        if (list is null || list.Arguments.Count > method.Parameters.Length || method.Parameters.Any(p => p.IsParams))
        {
            return false;
        }

        var found = new List<(ValueSources Sources, SdkSite Site)>();
        foreach (var site in sites)
        {
            if (ArgumentFor(list, method, site.Parameter) is not { } argument)
            {
                continue;
            }

            var sources = new ValueSources(members);
            if (argument.RefKindKeyword.RawKind != 0 || !SyntaxValueResolver.TryResolve(argument.Expression, model, sources, cancellationToken))
            {
                return false;
            }

            found.Add((sources, site));
        }

        foreach (var (sources, site) in found)
        {
            onFound(sources, site);
        }

        return true;
    }

    private static ArgumentSyntax? ArgumentFor(ArgumentListSyntax list, IMethodSymbol method, string? parameter)
    {
        for (int i = 0; i < list.Arguments.Count; i++)
        {
            var argument = list.Arguments[i];
            string? name = argument.NameColon is { } named ? named.Name.Identifier.ValueText : method.Parameters[i].Name;
            if (name == parameter)
            {
                return argument;
            }
        }

        return null;
    }

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

    /// <summary>The arguments a constructor initializer or a primary constructor's base passes.</summary>
    public static ArgumentListSyntax? ArgumentsOf(SyntaxNode node) => node switch
    {
        ConstructorInitializerSyntax initializer => initializer.ArgumentList,
        PrimaryConstructorBaseTypeSyntax baseType => baseType.ArgumentList,
        _ => null,
    };
}

using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Candidates;

/// <summary>
/// The calls, creations and assignments of a tree that one walk's names can make candidates, found from the tree's
/// <see cref="IdentifierIndex"/> instead of by visiting every node. In source order, outer nodes first, as a walk of
/// the tree would list them.
/// </summary>
internal static class CandidateNodes
{
    public static List<SyntaxNode> Find(SyntaxTree tree, CandidateNames names, CancellationToken cancellationToken)
    {
        var index = IdentifierIndex.For(tree);
        var root = tree.GetRoot(cancellationToken);
        var found = new List<SyntaxNode>();

        // Each word's positions are looked at once (a name listed twice, or both exact and any-case: Model, model);
        // deduplicated by word, a handful, rather than by position, thousands in a long file.
        var visited = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (string name in names.Exact)
        {
            if (visited.Add(name))
            {
                AddNamedByWord(index, root, name, found, cancellationToken);
            }
        }

        foreach (string name in names.AnyCase)
        {
            foreach (string word in index.WordsEqualIgnoringCase(name))
            {
                if (visited.Add(word))
                {
                    AddNamedByWord(index, root, word, found, cancellationToken);
                }
            }
        }

        // `: base(...)` and `: this(...)` name no member: every constructor initializer with arguments is a candidate
        // (a class derived from an SDK client, an agent that passes its model to its base). They are few.
        foreach (string keyword in ConstructorInitializerKeywords)
        {
            foreach (int position in index.PositionsOf(keyword))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = root.FindToken(position);
                if (token.SpanStart == position && token.Parent is ConstructorInitializerSyntax { ArgumentList.Arguments.Count: > 0 } initializer
                    && initializer.ThisOrBaseKeyword == token)
                {
                    found.Add(initializer);
                }
            }
        }

        if (names.ImplicitCreations)
        {
            foreach (int position in index.PositionsOf("new"))
            {
                var token = root.FindToken(position);
                if (token.IsKind(SyntaxKind.NewKeyword) && token.SpanStart == position && token.Parent is ImplicitObjectCreationExpressionSyntax creation)
                {
                    found.Add(creation);
                }
            }
        }

        return InSourceOrder(found);
    }

    private static readonly string[] ConstructorInitializerKeywords = { "base", "this" };

    private static void AddNamedByWord(IdentifierIndex index, SyntaxNode root, string word, List<SyntaxNode> found, CancellationToken cancellationToken)
    {
        foreach (int position in index.PositionsOf(word))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IdentifierAt(root, position) is { } token && token.ValueText == word)
            {
                AddNamedBy(token, found);
            }
        }
    }

    /// <summary>Sorted by start, outer nodes first, each node once (a call is found by its name and by a named argument).</summary>
    private static List<SyntaxNode> InSourceOrder(List<SyntaxNode> found)
    {
        // Keys read once: a node's start is computed from its first token each time it is asked for.
        var keyed = new List<(int Start, int Length, SyntaxNode Node)>(found.Count);
        foreach (var node in found)
        {
            keyed.Add((node.SpanStart, node.Span.Length, node));
        }

        keyed.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var ordered = new List<SyntaxNode>(keyed.Count);
        for (int i = 0; i < keyed.Count; i++)
        {
            if (!SameNodeEarlier(keyed, i))
            {
                ordered.Add(keyed[i].Node);
            }
        }

        return ordered;
    }

    // Duplicates sort next to each other: only the entries of the same span before i can be the same node.
    private static bool SameNodeEarlier(List<(int Start, int Length, SyntaxNode Node)> keyed, int i)
    {
        for (int j = i - 1; j >= 0 && keyed[j].Start == keyed[i].Start && keyed[j].Length == keyed[i].Length; j--)
        {
            if (keyed[j].Node == keyed[i].Node)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxToken? IdentifierAt(SyntaxNode root, int position)
    {
        // A word in a comment, a string or disabled code belongs to no token that starts where it does.
        var token = root.FindToken(position);
        return token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == position ? token : null;
    }

    /// <summary>The call, creation or assignment the identifier names, or whose named argument it is.</summary>
    private static void AddNamedBy(SyntaxToken identifier, List<SyntaxNode> found)
    {
        if (identifier.Parent is not SimpleNameSyntax name)
        {
            return;
        }

        switch (name.Parent)
        {
            // Invoked or assigned: Name(...), x.Name(...), x?.Name(...); Name = ..., x.Name = ..., x?.Name = ...
            case InvocationExpressionSyntax or AssignmentExpressionSyntax:
                AddUsing(name, found);
                break;
            case MemberAccessExpressionSyntax access when access.Name == name:
                AddUsing(access, found);
                break;
            case MemberBindingExpressionSyntax binding when binding.Name == name:
                AddUsing(binding, found);
                break;

            // Constructed: new Name(...), new A.B.Name(...), new alias::Name(...)
            case ObjectCreationExpressionSyntax creation when creation.Type == name:
                found.Add(creation);
                break;
            case QualifiedNameSyntax qualified when qualified.Right == name && qualified.Parent is ObjectCreationExpressionSyntax qualifiedCreation && qualifiedCreation.Type == qualified:
                found.Add(qualifiedCreation);
                break;
            case AliasQualifiedNameSyntax aliased when aliased.Name == name && aliased.Parent is ObjectCreationExpressionSyntax aliasedCreation && aliasedCreation.Type == aliased:
                found.Add(aliasedCreation);
                break;

            // A primary constructor's base: class Translator() : AgentBase("o3-mini"), class Mine(string k) : ChatClient("gpt-4", k)
            case PrimaryConstructorBaseTypeSyntax baseType when baseType.Type == name:
                found.Add(baseType);
                break;
            case QualifiedNameSyntax qualified when qualified.Right == name && qualified.Parent is PrimaryConstructorBaseTypeSyntax qualifiedBase && qualifiedBase.Type == qualified:
                found.Add(qualifiedBase);
                break;

            // A named argument: Call(model: ...), new Client(model: ...)
            case NameColonSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } } }
                when call is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                found.Add(call);
                break;
        }
    }

    /// <summary>The call or assignment whose invoked expression or target is <paramref name="member"/>.</summary>
    private static void AddUsing(ExpressionSyntax member, List<SyntaxNode> found)
    {
        switch (member.Parent)
        {
            case InvocationExpressionSyntax invocation when invocation.Expression == member:
                found.Add(invocation);
                break;
            case AssignmentExpressionSyntax assignment when assignment.Left == member:
                found.Add(assignment);
                break;
        }
    }
}

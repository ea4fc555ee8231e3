using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Walk;

/// <summary>
/// The writes of one file to settings members (<c>o.ChatModel = "gpt-4"</c>, <c>new() { ChatModel = ... }</c>,
/// <c>with { ... }</c>, <c>new BotSettings("gpt-4")</c>), found from the literals in it that start with a word a model id
/// starts with (gpt, o3, text, ...), read from the file's word index. The analysis of the write's own file reports
/// what a site elsewhere reads from it: a diagnostic in the file it is about is what the IDE shows as you type and
/// fixes from the light bulb. Whether a site reads the member is asked of the files that name it.
/// </summary>
internal static class WriteSites
{
    /// <summary>The first identifier-shaped word of a model id (gpt of gpt-4o, o3 of o3-mini), or null.</summary>
    public static string? FirstWord(string value)
    {
        int end = 0;
        while (end < value.Length && (char.IsLetterOrDigit(value[end]) || value[end] == '_'))
        {
            end++;
        }

        return end > 0 && char.IsLetter(value[0]) ? value.Substring(0, end) : null;
    }

    /// <summary>
    /// A literal this walk can find: a string literal that starts with one of the words and that
    /// <paramref name="isModelLike"/> accepts (a known id or a near miss). The same test decides which side reports a
    /// written literal, so each is reported once.
    /// </summary>
    public static bool IsFindable(ModelLiteral literal, IReadOnlyCollection<string> words, Func<string, bool> isModelLike) =>
        literal.Node is LiteralExpressionSyntax && FirstWord(literal.Value) is { } word && Contains(words, word) && isModelLike(literal.Value);

    /// <summary>Each write in the tree that holds a findable literal: the members it sets and the expression written.</summary>
    /// <param name="isReadName">Whether a site reads a member of that name itself: an assignment to any other name is not bound.</param>
    public static List<(ISymbol Member, ExpressionSyntax Written)> Find(SemanticModel model, IReadOnlyCollection<string> words, Func<string, bool> isModelLike,
        Func<string, bool> isReadName, CancellationToken cancellationToken)
    {
        var found = new List<(ISymbol, ExpressionSyntax)>();
        var index = IdentifierIndex.For(model.SyntaxTree);
        var seen = new HashSet<ExpressionSyntax>();
        SyntaxNode? root = null;
        foreach (string word in words)
        {
            foreach (int position in index.PositionsOf(word))
            {
                cancellationToken.ThrowIfCancellationRequested();
                root ??= model.SyntaxTree.GetRoot(cancellationToken);
                var token = root.FindToken(position);
                if (!token.IsKind(SyntaxKind.StringLiteralToken) || token.Parent is not LiteralExpressionSyntax literal || FirstWord(token.ValueText) != word)
                {
                    continue;
                }

                ExpressionSyntax written = literal;
                for (int depth = 0; depth <= ModelValueResolver.MaxDepth && ValueShapes.Holder(written) is { } holder; depth++)
                {
                    written = holder;
                }

                // The member's name first (cached per name): a near-miss search of every literal costs more.
                if (IsWriteOfReadName(written, isReadName) && isModelLike(token.ValueText) && seen.Add(written))
                {
                    AddWrite(model, written, found, cancellationToken);
                }
            }
        }

        return found;
    }

    /// <summary>An assignment to a member of a name some site reads, or a constructor argument (whose members are known once bound).</summary>
    private static bool IsWriteOfReadName(ExpressionSyntax written, Func<string, bool> isReadName) => written.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Right == written && NodeNames.AssignedName(assignment.Left) is { } name && isReadName(name),
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax } } => true,
        _ => false,
    };

    private static void AddWrite(SemanticModel model, ExpressionSyntax written, List<(ISymbol, ExpressionSyntax)> found, CancellationToken cancellationToken)
    {
        switch (written.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == written:
                if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is { } member && IsSettingsMember(member))
                {
                    found.Add((member.OriginalDefinition, written));
                }

                break;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list } argument when argument.RefKindKeyword.RawKind == 0:
                if (model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
                    && ParameterOf(list, argument, constructor) is { } parameter)
                {
                    foreach (var initialized in MemberSources.MembersInitializedBy(constructor, parameter, cancellationToken))
                    {
                        found.Add((initialized, written));
                    }
                }

                break;
        }
    }

    private static string? ParameterOf(ArgumentListSyntax list, ArgumentSyntax argument, IMethodSymbol constructor)
    {
        if (argument.NameColon is { } named)
        {
            return named.Name.Identifier.ValueText;
        }

        int position = list.Arguments.IndexOf(argument);
        return position < constructor.Parameters.Length ? constructor.Parameters[position].Name : null;
    }

    /// <summary>A string property or field declared in source (a settings member of the user's own), not a constant.</summary>
    private static bool IsSettingsMember(ISymbol member) => member switch
    {
        IPropertySymbol property => ModelValueResolver.IsOwnString(property),
        IFieldSymbol field => field.Type.SpecialType == SpecialType.System_String && !field.IsConst && !field.IsReadOnly && field.DeclaringSyntaxReferences.Length > 0,
        _ => false,
    };

    /// <summary>
    /// Whether the tree may read a member of this name at a site, from syntax alone: a read (not a write) whose value,
    /// through the shapes of <see cref="ValueShapes"/> and up to two locals, is an argument of a candidate site or the
    /// value of a candidate assignment. True when in doubt: the symbols decide afterwards; false spares binding the
    /// files that only write the name (or mention it elsewhere).
    /// </summary>
    public static bool MayBeReadAtSite(SyntaxTree tree, string name, ISet<SyntaxNode> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return false;
        }

        var root = tree.GetRoot(cancellationToken);
        foreach (int position in IdentifierIndex.For(tree).PositionsOf(name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == position && token.Parent is IdentifierNameSyntax read
                && ReachesSite(read.Parent is MemberAccessExpressionSyntax access && access.Name == read ? access : read, candidates, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReachesSite(ExpressionSyntax value, ISet<SyntaxNode> candidates, int locals)
    {
        for (int depth = 0; depth <= ModelValueResolver.MaxDepth && ValueShapes.Holder(value) is { } holder; depth++)
        {
            value = holder;
        }

        switch (value.Parent)
        {
            case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } }:
                return candidates.Contains(call);
            case AssignmentExpressionSyntax assignment:
                return assignment.Right == value && candidates.Contains(assignment);
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local } when locals < 2
                    && local.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or ArrowExpressionClauseSyntax) is { } body:
                foreach (var use in body.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (use.Identifier.ValueText == local.Identifier.ValueText && ReachesSite(use, candidates, locals + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool Contains(IReadOnlyCollection<string> words, string word) =>
        words is ISet<string> set ? set.Contains(word) : System.Linq.Enumerable.Contains(words, word, StringComparer.Ordinal);
}

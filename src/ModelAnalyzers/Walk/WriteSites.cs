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
        foreach (var written in Writes(model.SyntaxTree, words, isModelLike, isReadName, cancellationToken))
        {
            AddWrite(model, written, found, cancellationToken);
        }

        return found;
    }

    /// <summary>
    /// The expressions in the tree that may write a model-like literal to a member some site reads, from the text and
    /// the syntax alone (no binding): what <see cref="Find"/> binds, and what tells model-audit a file needs analyzing.
    /// </summary>
    public static IEnumerable<ExpressionSyntax> Writes(SyntaxTree tree, IReadOnlyCollection<string> words, Func<string, bool> isModelLike,
        Func<string, bool> isReadName, CancellationToken cancellationToken)
    {
        var index = IdentifierIndex.For(tree);
        var text = tree.GetText(cancellationToken);
        var seen = new HashSet<ExpressionSyntax>();
        SyntaxNode? root = null;
        foreach (string word in words)
        {
            foreach (int position in index.PositionsOf(word))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!MayBeWritten(text, position, isReadName))
                {
                    continue;
                }

                root ??= tree.GetRoot(cancellationToken);
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
                    yield return written;
                }
            }
        }
    }

    /// <summary>
    /// A look at the text before a word, before any token is looked up: false only where the word cannot start a
    /// literal written to a member some site reads (the word does not follow a quote; the literal is an element
    /// <c>[</c> <c>{</c>, a call's first argument, a comparison's or compound assignment's operand, or assigned to a name
    /// no site reads). Anything it cannot tell from the text goes on to the syntax tree.
    /// </summary>
    private static bool MayBeWritten(Microsoft.CodeAnalysis.Text.SourceText text, int word, Func<string, bool> isReadName)
    {
        if (word == 0 || text[word - 1] != '"')
        {
            return false;
        }

        int at = word - 1;
        while (at >= 0 && text[at] is '"' or '@' or '$')
        {
            at--;
        }

        at = SkipSpaceBack(text, at);
        if (at < 0)
        {
            return false;
        }

        switch (text[at])
        {
            case '[' or '{':
                return false;
            case '(':
                return !IsCallParenthesis(text, at);
            case '=':
                char before = at > 0 ? text[at - 1] : ' ';
                if (before is '=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?')
                {
                    return false; // a comparison or a compound assignment: not a write this walk follows
                }

                int end = SkipSpaceBack(text, at - 1);
                int start = end;
                while (start >= 0 && (char.IsLetterOrDigit(text[start]) || text[start] == '_'))
                {
                    start--;
                }

                return start == end || isReadName(text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(start + 1, end - start)));
            default:
                return true; // ',' ':' '?' '>' (a switch arm) and anything else: the tree decides
        }
    }

    /// <summary>Whether the parenthesis at <paramref name="open"/> opens a call's arguments (Name(, x.Name(, Name&lt;T&gt;() rather than a creation's (new T(, new().</summary>
    private static bool IsCallParenthesis(Microsoft.CodeAnalysis.Text.SourceText text, int open)
    {
        int at = SkipSpaceBack(text, open - 1);
        if (at >= 0 && text[at] == '>')
        {
            for (int depth = 0; at >= 0; at--)
            {
                depth += text[at] == '>' ? 1 : text[at] == '<' ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }

            at = SkipSpaceBack(text, at - 1);
        }

        // A dotted name: N.A.B( or alias::B(
        int end;
        do
        {
            end = at;
            while (at >= 0 && (char.IsLetterOrDigit(text[at]) || text[at] == '_'))
            {
                at--;
            }

            if (at == end)
            {
                return false; // no name before the parenthesis: a cast, a grouping, a lambda's parameters
            }

            if (text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(at + 1, end - at)) == "new")
            {
                return false; // new(...): a target-typed creation
            }

            at = SkipSpaceBack(text, at);
        }
        while (at >= 0 && (text[at] == '.' || (text[at] == ':' && at > 0 && text[at - 1] == ':')) && (at = SkipSpaceBack(text, text[at] == '.' ? at - 1 : at - 2)) >= 0);

        // The word before the name: "new" makes it a creation.
        int wordEnd = at;
        while (at >= 0 && char.IsLetter(text[at]))
        {
            at--;
        }

        return text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(at + 1, wordEnd - at)) != "new";
    }

    private static int SkipSpaceBack(Microsoft.CodeAnalysis.Text.SourceText text, int at)
    {
        while (at >= 0 && char.IsWhiteSpace(text[at]))
        {
            at--;
        }

        return at;
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
    public static bool MayBeReadAtSite(SyntaxTree tree, string name, CandidateNames candidates, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken);
        foreach (int position in IdentifierIndex.For(tree).PositionsOf(name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsAssignedAt(text, position + name.Length))
            {
                continue; // Name = ...: a write, told from the text
            }

            var token = root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.SpanStart == position && token.Parent is IdentifierNameSyntax read
                && ReachesSite(read.Parent is MemberAccessExpressionSyntax access && access.Name == read ? access : read, candidates, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignedAt(Microsoft.CodeAnalysis.Text.SourceText text, int after)
    {
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return after + 1 < text.Length && text[after] == '=' && text[after + 1] is not ('=' or '>');
    }

    private static bool ReachesSite(ExpressionSyntax value, CandidateNames candidates, int locals)
    {
        for (int depth = 0; depth <= ModelValueResolver.MaxDepth && ValueShapes.Holder(value) is { } holder; depth++)
        {
            value = holder;
        }

        switch (value.Parent)
        {
            case ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } }:
                return candidates.MayMake(call);
            case AssignmentExpressionSyntax assignment:
                return assignment.Right == value && candidates.MayMake(assignment);
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

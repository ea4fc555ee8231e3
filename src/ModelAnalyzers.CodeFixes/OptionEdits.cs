using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.CodeFixes;

/// <summary>The edits that mend a rejected option, shared by the MDL0004 fix and the switching-safe model fixes.</summary>
internal static class OptionEdits
{
    /// <summary>
    /// Only edits that keep the code compiling and behaving the same apart from the option: a removed value must not
    /// have side effects, and a statement is removed only where a statement list holds it.
    /// </summary>
    public static bool CanApply(AssignmentExpressionSyntax assignment, OptionFix fix, string? value) => fix switch
    {
        OptionFix.Remove => !assignment.Right.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or AwaitExpressionSyntax
                or AssignmentExpressionSyntax or BaseObjectCreationExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression })
            && (assignment.Parent is InitializerExpressionSyntax
                || assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax }),
        OptionFix.Rename => value is not null && assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax,
        OptionFix.Lower => long.TryParse(value, out _),
        _ => false,
    };

    public static void Apply(SyntaxEditor editor, AssignmentExpressionSyntax assignment, OptionFix fix, string? value)
    {
        switch (fix)
        {
            case OptionFix.Remove when assignment.Parent is InitializerExpressionSyntax initializer:
                // Through the initializer, so that Fix All's removals from one initializer each see the others'.
                editor.TrackNode(assignment);
                editor.ReplaceNode(initializer, (current, _) => current.GetCurrentNode(assignment) is { } option
                    ? WithoutOption((InitializerExpressionSyntax)current, option)
                    : current);
                break;
            case OptionFix.Remove:
                editor.RemoveNode(assignment.Parent!, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            case OptionFix.Rename:
                var name = SyntaxFactory.IdentifierName(value!);
                editor.ReplaceNode(assignment.Left, assignment.Left switch
                {
                    MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
                    _ => name.WithTriviaFrom(assignment.Left),
                });
                break;
            case OptionFix.Lower:
                editor.ReplaceNode(assignment.Right, SyntaxFactory.ParseExpression(value!).WithTriviaFrom(assignment.Right));
                break;
        }
    }

    /// <summary>
    /// The initializer without <paramref name="option"/>. The last of several options with no comma after it owns the
    /// space or line break before the closing brace, which stays.
    /// </summary>
    private static InitializerExpressionSyntax WithoutOption(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax option)
    {
        var options = initializer.Expressions;
        bool ownsClosingSpace = options.Count > 1 && options.Last() == option && options.SeparatorCount < options.Count;
        return initializer.RemoveNode(option, ownsClosingSpace
            ? SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.KeepTrailingTrivia
            : SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
    }

    public static string PropertyName(AssignmentExpressionSyntax assignment) => assignment.Left switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => assignment.Left.ToString(),
    };
}

using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.CodeFixes;

/// <summary>An option a fix must mend when it moves a request to another model.</summary>
internal readonly record struct OptionConflict(AssignmentExpressionSyntax Assignment, OptionFinding Finding)
{
    public bool CanApply => OptionEdits.CanApply(Assignment, Finding.Fix, Finding.FixValue);
}

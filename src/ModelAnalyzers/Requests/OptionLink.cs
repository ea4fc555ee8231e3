using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Requests;

/// <summary>A request option assignment linked to the request it belongs to (and so to the request's models): what MDL0004 judges and the switching-safe fixes check.</summary>
internal sealed record OptionLink(AssignmentExpressionSyntax Assignment, OptionAssignment Option, RequestObject Request);

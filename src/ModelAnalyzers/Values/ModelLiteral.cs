using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Values;

/// <summary>A string that reaches a model site, located where a fix would edit it (the declaration, not the use).</summary>
/// <param name="Node">A string literal, or a constant expression (concatenation, interpolation) a fix replaces whole.</param>
/// <param name="Written">
/// Inside the value written to a settings member a site reads directly (<c>o.ChatModel = "gpt-4"</c>): reported by the
/// analysis of the write's own file, so that the IDE shows it and offers the fix there.
/// </param>
internal readonly record struct ModelLiteral(SyntaxNode Node, string Value, bool Written = false);

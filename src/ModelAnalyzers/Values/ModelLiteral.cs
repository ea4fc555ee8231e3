using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Values;

/// <summary>A string that reaches a model site, located where a fix would edit it (the declaration, not the use).</summary>
/// <param name="Node">A string literal, or a constant expression (concatenation, interpolation) a fix replaces whole.</param>
internal readonly record struct ModelLiteral(SyntaxNode Node, string Value);

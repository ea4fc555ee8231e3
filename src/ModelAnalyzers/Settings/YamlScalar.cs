using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>A scalar value of a YAML block mapping: its ':'-joined key path (model:configuration:name), text and span (quotes included).</summary>
internal readonly record struct YamlScalar(string Path, string Value, TextSpan Span);

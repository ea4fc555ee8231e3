using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>A model named by a prompt file's schema, located on its token (quotes included, if any).</summary>
/// <param name="IsDeployment">An Azure deployment name (a prompty's azure_deployment), judged as deployment names are.</param>
internal readonly record struct PromptValue(string Value, TextSpan Span, bool IsDeployment);

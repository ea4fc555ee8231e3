using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>A request parameter a prompt file sets (temperature, max_tokens, reasoning_effort), with the model its section names.</summary>
/// <param name="Name">The parameter as the API names it (temperature).</param>
/// <param name="Path">Where the file sets it (model.parameters.temperature), for the message.</param>
/// <param name="Model">The model (or deployment) of the same prompt or execution-settings section, or null.</param>
/// <param name="Effort">The reasoning effort the same section sets, or null.</param>
internal readonly record struct PromptParameter(string Name, string Value, TextSpan Span, string Path, string? Model, string? Effort);

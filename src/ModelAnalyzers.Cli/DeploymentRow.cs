namespace ModelAnalyzers.Cli;

/// <summary>
/// One Azure OpenAI deployment infrastructure code declares, as the reports' Deployments section lists it, fine ones
/// included.
/// </summary>
/// <param name="Line">The line where the deployment names its model.</param>
/// <param name="Status">retired, no new deployments, retiring, fine, not in Azure's data, or not resolved.</param>
/// <param name="Date">The retirement date that decides the status, when known.</param>
/// <param name="Recommendation">A live model and version Azure serves ("gpt-5.4-mini 2026-03-17"), when the status calls for one.</param>
/// <param name="AzureSuggests">Azure's own named replacement, as the schedule words it.</param>
/// <param name="WrittenAt">"file:line" where the model name is written, when elsewhere (a parameter's default, a parameters file).</param>
internal sealed record DeploymentRow(
    string File,
    int Line,
    string? Name,
    string Model,
    string? Version,
    string? Sku,
    string Status,
    DateTime? Date,
    string? Recommendation,
    string? AzureSuggests,
    string? WrittenAt,
    string? RuleId);

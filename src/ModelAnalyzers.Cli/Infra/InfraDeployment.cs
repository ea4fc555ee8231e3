namespace ModelAnalyzers.Cli.Infra;

/// <summary>One Azure OpenAI model deployment declared in infrastructure code.</summary>
/// <param name="Name">The deployment's name as the code calls it (what GetChatClient("chat") names), when it is known.</param>
/// <param name="Sku">The deployment type (Standard, GlobalStandard, ProvisionedManaged, ...), when it is known.</param>
/// <param name="Offset">Where in <paramref name="File"/> the deployment names its model (the value may be written elsewhere).</param>
internal sealed record InfraDeployment(string File, string? Name, WrittenValue Model, WrittenValue? Version, string? Sku, int Offset);

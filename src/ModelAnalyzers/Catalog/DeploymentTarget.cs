namespace ModelAnalyzers.Catalog;

/// <summary>
/// What a deployment name (Azure, a gateway) runs, as a catalog overlay maps it: a model id (OpenAI's or Azure's
/// spelling) and, when infrastructure code says so, Azure's model version, deployment type and where it is defined.
/// With a version or type the deployment is judged by Azure's calendar; without, by the model's.
/// </summary>
internal sealed record DeploymentTarget(string Model, string? Version = null, string? Sku = null, string? DefinedIn = null)
{
    public bool IsAzure => Version is not null || Sku is not null;
}

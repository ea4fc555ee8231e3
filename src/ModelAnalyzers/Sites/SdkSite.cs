namespace ModelAnalyzers.Sites;

/// <summary>
/// One SDK member that receives a model id: a parameter of a constructor or method, or a settable property.
/// Members are matched by symbol inside the named assembly, never by text, so look-alike types in other
/// packages (several reuse the names OpenAI and OpenAIClient) are not sites.
/// </summary>
/// <param name="Type">Metadata name of the declaring type.</param>
/// <param name="Member">".ctor", a method name, or a property name.</param>
/// <param name="Parameter">The string parameter that carries the model; null for a property.</param>
/// <param name="Kind">What the value is: a model id (MDL0001-0005) or a secret key (MDL0006).</param>
/// <param name="IsDeployment">The value names an Azure deployment, not a model: judged by <see cref="Judgement.DeploymentJudge"/>.</param>
internal sealed record SdkSite(
    string Assembly,
    string Type,
    string Member,
    string? Parameter = null,
    SiteKind Kind = SiteKind.Model,
    bool IsDeployment = false)
{
    public bool IsProperty => Parameter is null;

    /// <summary>
    /// A model parameter of an Azure connector (Semantic Kernel's `modelId`): Azure's own spellings there
    /// (gpt-35-turbo) are that model on Azure's calendar, not typos of OpenAI ids.
    /// </summary>
    public bool IsAzureModel => !IsDeployment && Kind == SiteKind.Model && Assembly is SdkAssemblies.AzureOpenAI or SdkAssemblies.SemanticKernelAzureOpenAI;
}

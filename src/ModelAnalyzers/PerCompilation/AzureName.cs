namespace ModelAnalyzers.PerCompilation;

/// <summary>How a site's value relates to Azure: judged on OpenAI's calendar, as a deployment name, or as an Azure model name.</summary>
internal enum AzureName
{
    None,
    Deployment,
    Model,
}

namespace ModelAnalyzers.Judgement;

/// <summary>A deployment's place in Azure's lifecycle, worst last.</summary>
internal enum AzureDeploymentStatus
{
    /// <summary>A retirement date is announced; running deployments and new ones work until then.</summary>
    Retiring,

    /// <summary>Azure deploys it no more (ServiceModelDeprecated): running deployments work until retirement, a fresh environment fails.</summary>
    NoNewDeployments,

    /// <summary>The retirement date has passed: requests fail.</summary>
    Retired,
}

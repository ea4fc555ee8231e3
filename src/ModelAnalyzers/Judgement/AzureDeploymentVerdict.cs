using System;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// What Azure's calendar says of one deployment (model, version, deployment type): its status and kind (retired;
/// deprecated for no new deployments or retiring), the date that decides, why, a live model and version Azure
/// serves that the deployment can move to (null when the data names none) and Azure's own suggestion as Azure words it.
/// </summary>
internal sealed record AzureDeploymentVerdict(
    AzureDeploymentStatus Status,
    DateTime? Date,
    string Message,
    string? TargetModel,
    string? TargetVersion,
    string? AzureSuggests)
{
    public VerdictKind Kind => Status == AzureDeploymentStatus.Retired ? VerdictKind.Retired : VerdictKind.Deprecated;
}

using System;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// What Azure's calendar says of one deployment (model, version, deployment type): its status and rule (MDL0001
/// retired, MDL0002 no new deployments or retiring), the date that decides, why, a live model and version Azure
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
    public string RuleId => Status == AzureDeploymentStatus.Retired ? RuleIds.Retired : RuleIds.Deprecated;
}

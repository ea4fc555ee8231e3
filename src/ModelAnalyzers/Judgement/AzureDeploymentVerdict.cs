using System;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// What Azure's calendar says of one deployment (model, version, deployment type): its rule (MDL0001 retired,
/// MDL0002 no new deployments or retiring), the date that decides, why, and a live model and version Azure serves
/// that the deployment can move to (null when the data names none).
/// </summary>
internal sealed record AzureDeploymentVerdict(string RuleId, DateTime? Date, string Message, string? TargetModel, string? TargetVersion);

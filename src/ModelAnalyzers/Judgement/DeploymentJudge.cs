using System;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// Azure deployment names. A deployment is named by its owner and says nothing certain about the model it runs, so a
/// name is judged only when it equals a known model id (Azure or OpenAI spelling), by Azure's retirement dates, and
/// the message says the judgement assumes the deployment is named after its model. No automatic fix: renaming a
/// deployment in code does not redeploy it.
/// </summary>
internal static class DeploymentJudge
{
    private const string Assumption = "(this assumes the deployment is named after its model; map deployment names to models in a catalog overlay)";

    /// <param name="isModelName">The value is an Azure connector's model id (gpt-35-turbo), not a deployment name: no assumption to state.</param>
    public static Verdict? Judge(ModelCatalog catalog, AzureCatalog azure, string deploymentName, JudgePolicy policy, bool isModelName = false)
    {
        if (policy.AllowedModels.Contains(deploymentName))
        {
            return null;
        }

        // An overlay that maps this deployment to a model is certain: judge that model (OpenAI facts, no fix).
        if (catalog.Deployments.ContainsKey(deploymentName))
        {
            return ModelJudge.Judge(catalog, deploymentName, policy);
        }

        if (azure.Find(deploymentName) is not { RetiresOn: DateTime retires } model || model.Retirement == AzureRetirement.Unknown)
        {
            return null;
        }

        var info = catalog.Find(model.OpenAI) ?? new ModelInfo(model.OpenAI, "chat");
        string date = ModelCatalog.FormatDate(retires);
        string perType = model.RetirementNote is null ? "" : $" ({model.RetirementNote})";
        string suggestion = model.Replacement is null ? "" : $"; Azure suggests {model.Replacement}";
        string name = isModelName ? $"Azure model '{deploymentName}'" : $"Azure deployment '{deploymentName}'";
        string assumption = isModelName ? "(Azure's name for OpenAI's " + model.OpenAI + ")" : Assumption;
        if (model.Retirement == AzureRetirement.Exact && retires <= policy.AsOf)
        {
            return new Verdict(RuleIds.Retired, info, $"{name}: Azure retired {model.Name} on {date}{perType} and requests to it fail{suggestion} {assumption}", Array.Empty<Offer>());
        }

        bool noticed = model.NoNewCustomersFrom is DateTime notice ? notice <= policy.AsOf : model.Retirement == AzureRetirement.Exact;
        if (model.Retirement == AzureRetirement.NotBefore && retires <= policy.AsOf)
        {
            return new Verdict(RuleIds.Deprecated, info, $"{name}: Azure retires {model.Name} no earlier than {date}, a date that has passed: check the deployment's retirement date{suggestion} {assumption}", Array.Empty<Offer>());
        }

        bool withinWindow = policy.DeprecationWindowDays is not int days || (retires - policy.AsOf).TotalDays <= days;
        return noticed && withinWindow
            ? new Verdict(RuleIds.Deprecated, info, $"{name}: Azure retires {model.Name} {(model.Retirement == AzureRetirement.NotBefore ? "no earlier than" : "on")} {date}{perType}{suggestion} {assumption}", Array.Empty<Offer>())
            : null;
    }
}

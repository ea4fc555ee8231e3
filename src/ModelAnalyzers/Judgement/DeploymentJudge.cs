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

        // An overlay that maps this deployment is certain. With the version or type infrastructure code declares (what
        // model-audit writes), Azure's calendar judges it; a bare model id is judged as that model. No fix: the
        // deployment is moved where it is defined, not by renaming it in code.
        if (catalog.Deployments.TryGetValue(deploymentName, out var target))
        {
            return target.IsAzure || (catalog.Find(target.Model) is null && azure.Find(target.Model) is not null)
                ? JudgeDeclared(catalog, azure, deploymentName, target, policy)
                : ModelJudge.Judge(catalog, deploymentName, policy);
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
            return new Verdict(VerdictKind.Retired, info, $"{name}: Azure retired {model.Name} on {date}{perType} and requests to it fail{suggestion} {assumption}", Array.Empty<Offer>()) { Date = retires };
        }

        bool noticed = model.NoNewCustomersFrom is DateTime notice ? notice <= policy.AsOf : model.Retirement == AzureRetirement.Exact;
        if (model.Retirement == AzureRetirement.NotBefore && retires <= policy.AsOf)
        {
            return new Verdict(VerdictKind.Deprecated, info, $"{name}: Azure retires {model.Name} no earlier than {date}, a date that has passed: check the deployment's retirement date{suggestion} {assumption}", Array.Empty<Offer>()) { Date = retires };
        }

        bool withinWindow = policy.DeprecationWindowDays is not int days || (retires - policy.AsOf).TotalDays <= days;
        return noticed && withinWindow
            ? new Verdict(VerdictKind.Deprecated, info, $"{name}: Azure retires {model.Name} {(model.Retirement == AzureRetirement.NotBefore ? "no earlier than" : "on")} {date}{perType}{suggestion} {assumption}", Array.Empty<Offer>()) { Date = retires }
            : null;
    }

    private static Verdict? JudgeDeclared(ModelCatalog catalog, AzureCatalog azure, string deploymentName, DeploymentTarget target, JudgePolicy policy)
    {
        if (policy.AllowedModels.Contains(target.Model)
            || AzureVersionJudge.Judge(azure, catalog, target.Model, target.Version, target.Sku, policy.AsOf, policy.DeprecationWindowDays) is not { } verdict)
        {
            return null;
        }

        var info = catalog.Find(target.Model) ?? (azure.Find(target.Model) is { } known ? catalog.Find(known.OpenAI) : null) ?? new ModelInfo(target.Model, "chat");
        string runs = target.Model + (target.Version is null ? "" : " " + target.Version);
        string where = target.DefinedIn is null ? "" : $" (defined in {target.DefinedIn})";
        return new Verdict(verdict.Kind, info, $"Azure deployment '{deploymentName}'{where} runs {runs}: {verdict.Message}", Array.Empty<Offer>()) { Date = verdict.Date };
    }
}

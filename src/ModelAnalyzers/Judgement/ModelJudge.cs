using System;
using System.Collections.Generic;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// The judgement step of the pipeline (site -> value -> judgement -> report/fix): the decision alone (retired,
/// deprecated, costlier, misspelled), with the candidates from <see cref="Recommendation"/>, what may replace what
/// from <see cref="Capability"/> and the words from <see cref="VerdictText"/>; none of them calls back. Pure: it sees
/// only the catalog, the model id, the as-of date and the configured targets, so it is tested without a compiler.
/// </summary>
internal static class ModelJudge
{
    /// <summary>Returns the most severe finding for the value at a model site, or null when it is unknown or fine.</summary>
    public static Verdict? Judge(ModelCatalog catalog, string value, JudgePolicy policy)
    {
        // Prices in force at the as-of date (an overlay may schedule a price change).
        catalog = catalog.At(policy.AsOf);
        if (policy.AllowedModels.Contains(value))
        {
            return null;
        }

        if (catalog.Find(value) is { } model)
        {
            return JudgeModel(catalog, model, policy);
        }

        // A deployment name the overlay maps to a model: judged as that model; no automatic fix, since the
        // deployment's name is not a model id.
        if (catalog.Deployments.TryGetValue(value, out var mapped))
        {
            return catalog.Find(mapped.Model) is { } deployed && !policy.AllowedModels.Contains(mapped.Model) && JudgeModel(catalog, deployed, policy) is { } verdict
                ? new Verdict(verdict.Kind, deployed, $"deployment '{value}' runs model '{deployed.Id}': {verdict.Message}", Array.Empty<Offer>())
                : null;
        }

        if (value.StartsWith("ft:", StringComparison.Ordinal))
        {
            return JudgeFineTune(catalog, value, policy);
        }

        if (ModelSpelling.Suggest(catalog, value) is { } meant)
        {
            var status = meant.StatusAt(policy.AsOf);
            string note = status switch
            {
                Lifecycle.Retired => $" (note: it was shut down on {VerdictText.FormatOptionalDate(meant.ShutdownOn)})",
                Lifecycle.Deprecated => $" (note: it shuts down on {VerdictText.FormatOptionalDate(meant.ShutdownOn)})",
                _ => "",
            };
            return new Verdict(
                VerdictKind.Misspelled,
                meant,
                $"'{value}' is not a known model id; did you mean '{meant.Id}'?{note}",
                new[] { new Offer(meant, null, $"Use '{meant.Id}'") });
        }

        return null;
    }

    /// <summary>
    /// A fine-tuned id (ft:&lt;base&gt;:&lt;org&gt;::&lt;id&gt;) lives as long as its base model. No automatic fix:
    /// a fine-tune must be retrained on a new base, which a string edit cannot do.
    /// </summary>
    private static Verdict? JudgeFineTune(ModelCatalog catalog, string value, JudgePolicy policy)
    {
        int end = value.IndexOf(':', 3);
        string baseId = end < 0 ? value.Substring(3) : value.Substring(3, end - 3);
        if ((catalog.Find("ft:" + baseId) ?? catalog.Find(baseId)) is not { } baseModel || policy.AllowedModels.Contains(baseId))
        {
            return null;
        }

        var status = baseModel.StatusAt(policy.AsOf);
        var successor = Capability.FollowReplacement(catalog, baseModel, policy.AsOf);
        string retrain = successor is null ? "retrain it on a current model" : $"retrain it on a current model (OpenAI names '{successor.Id}')";
        if (status == Lifecycle.Retired)
        {
            return new Verdict(VerdictKind.Retired, baseModel, $"'{value}' is a fine-tune of '{baseId}', which was shut down on {VerdictText.FormatOptionalDate(baseModel.ShutdownOn)}: requests to it fail; {retrain}", Array.Empty<Offer>());
        }

        return status == Lifecycle.Deprecated && IsWithinWindow(baseModel, policy)
            ? new Verdict(VerdictKind.Deprecated, baseModel, $"'{value}' is a fine-tune of '{baseId}', which shuts down on {VerdictText.FormatOptionalDate(baseModel.ShutdownOn)}; {retrain}", Array.Empty<Offer>())
            : null;
    }

    private static Verdict? JudgeModel(ModelCatalog catalog, ModelInfo model, JudgePolicy policy)
    {
        var status = model.StatusAt(policy.AsOf);

        // OpenAI names a replacement in its deprecation notice; before the notice there is none to offer.
        var successor = status == Lifecycle.Active ? null : Capability.FollowReplacement(catalog, model, policy.AsOf);
        var candidates = Recommendation.Candidates(catalog, model, status, successor, policy);
        if (status == Lifecycle.Retired || (status == Lifecycle.Deprecated && IsWithinWindow(model, policy)))
        {
            var (recommended, offers) = Recommendation.ForMove(catalog, model, status, candidates, policy);
            string advice = VerdictText.Advice(model, recommended, successor, offers, policy);
            return status == Lifecycle.Retired
                ? new Verdict(VerdictKind.Retired, model, VerdictText.Retired(model, advice), offers)
                : new Verdict(VerdictKind.Deprecated, model, VerdictText.Deprecated(model, advice), offers);
        }

        // Costlier only counts against a model that does everything the current one does, for less (or the team's own choice).
        var cheaper = Recommendation.ForCost(model, candidates, policy);
        return cheaper.Count == 0 ? null : new Verdict(VerdictKind.Costlier, model, VerdictText.Costlier(model, cheaper[0], policy), cheaper);
    }

    private static bool IsWithinWindow(ModelInfo model, JudgePolicy policy) =>
        policy.DeprecationWindowDays is not int days || model.ShutdownOn is not DateTime end || (end - policy.AsOf).TotalDays <= days;
}

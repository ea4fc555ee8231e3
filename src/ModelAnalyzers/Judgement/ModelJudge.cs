using System;
using System.Collections.Generic;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// The judgement step of the pipeline (site -> value -> judgement -> report/fix). Pure: it sees only the
/// catalog, the model id, the as-of date and the configured targets, so it is tested without a compiler.
/// </summary>
internal static class ModelJudge
{
    /// <summary>The targets the product offers when the user configured none (the design card's).</summary>
    public static readonly IReadOnlyList<string> DefaultTargets = new[] { "gpt-4o-mini", "gpt-5-mini" };

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
                Lifecycle.Retired => $" (note: it was shut down on {FormatOptionalDate(meant.ShutdownOn)})",
                Lifecycle.Deprecated => $" (note: it shuts down on {FormatOptionalDate(meant.ShutdownOn)})",
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
        var successor = FollowReplacement(catalog, baseModel, policy.AsOf);
        string retrain = successor is null ? "retrain it on a current model" : $"retrain it on a current model (OpenAI names '{successor.Id}')";
        if (status == Lifecycle.Retired)
        {
            return new Verdict(VerdictKind.Retired, baseModel, $"'{value}' is a fine-tune of '{baseId}', which was shut down on {FormatOptionalDate(baseModel.ShutdownOn)}: requests to it fail; {retrain}", Array.Empty<Offer>());
        }

        return status == Lifecycle.Deprecated && IsWithinWindow(baseModel, policy)
            ? new Verdict(VerdictKind.Deprecated, baseModel, $"'{value}' is a fine-tune of '{baseId}', which shuts down on {FormatOptionalDate(baseModel.ShutdownOn)}; {retrain}", Array.Empty<Offer>())
            : null;
    }

    private static string FormatOptionalDate(DateTime? date) => date is DateTime d ? ModelCatalog.FormatDate(d) : "a date not yet announced";

    private static Verdict? JudgeModel(ModelCatalog catalog, ModelInfo model, JudgePolicy policy)
    {
        var status = model.StatusAt(policy.AsOf);

        // OpenAI names a replacement in its deprecation notice; before the notice there is none to offer.
        var successor = status == Lifecycle.Active ? null : FollowReplacement(catalog, model, policy.AsOf);
        var candidates = Recommendation.Candidates(catalog, model, status, successor, policy);
        if (status == Lifecycle.Retired || (status == Lifecycle.Deprecated && IsWithinWindow(model, policy)))
        {
            var (recommended, offers) = Recommendation.ForMove(catalog, model, status, candidates, policy);
            string advice = Advice(model, recommended, successor, offers, policy);
            return status == Lifecycle.Retired
                ? new Verdict(VerdictKind.Retired, model, RetiredMessage(model, advice), offers)
                : new Verdict(VerdictKind.Deprecated, model, DeprecatedMessage(model, advice), offers);
        }

        // Costlier only counts against a model that does everything the current one does, for less (or the team's own choice).
        var cheaper = Recommendation.ForCost(model, candidates, policy);
        return cheaper.Count == 0 ? null : new Verdict(VerdictKind.Costlier, model, CostlierMessage(model, cheaper[0], policy), cheaper);
    }

    private static bool IsWithinWindow(ModelInfo model, JudgePolicy policy) =>
        policy.DeprecationWindowDays is not int days || model.ShutdownOn is not DateTime end || (end - policy.AsOf).TotalDays <= days;

    /// <summary>
    /// Follows OpenAI's replacement chain to the first model that is neither retired nor deprecated at the date;
    /// when the chain ends earlier, the last model in it that still answers requests.
    /// </summary>
    public static ModelInfo? FollowReplacement(ModelCatalog catalog, ModelInfo model, DateTime asOf)
    {
        ModelInfo? lastLive = null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { model.Id };
        for (var next = Next(model); next is not null && seen.Add(next.Id); next = Next(next))
        {
            var status = next.StatusAt(asOf);
            if (status == Lifecycle.Active)
            {
                return next;
            }

            if (status == Lifecycle.Deprecated)
            {
                lastLive = next;
            }
        }

        return lastLive;

        ModelInfo? Next(ModelInfo m) => m.Replacement is string id ? catalog.Find(id) : null;
    }

    /// <summary>
    /// Does the target do everything the current model does: same kind (and task), a tier at least as high, a
    /// generation no older (when both release dates are known), at least the limits and every capability flag.
    /// </summary>
    public static bool IsAtLeastAsCapable(ModelInfo target, ModelInfo current) =>
        target.KindGroup == current.KindGroup
        && target.Task == current.Task
        && (current.Tier is null || target.Tier >= current.Tier)
        && (current.Released is not DateTime since || target.Released is not DateTime released || released >= since)
        && AtLeast(target.ContextWindow, current.ContextWindow)
        && AtLeast(target.MaxOutput, current.MaxOutput)
        && Covers(target.Vision, current.Vision)
        && Covers(target.Tools, current.Tools)
        && Covers(target.StructuredOutputs, current.StructuredOutputs)
        && (!current.IsReasoning || target.IsReasoning);

    internal static bool IsOfferable(ModelInfo model, Lifecycle modelStatus, ModelInfo target, DateTime asOf)
    {
        if (target.Id == model.Id || target.SnapshotOf == model.Id || model.SnapshotOf == target.Id
            || target.KindGroup != model.KindGroup)
        {
            return false;
        }

        // Retired, or not released yet at the as-of date: neither can take requests then.
        var targetStatus = target.StatusAt(asOf);
        if (targetStatus == Lifecycle.Retired || target.Released > asOf)
        {
            return false;
        }

        // Moving off a model that still works only makes sense to one that outlives it (a strictly later shutdown).
        if (modelStatus == Lifecycle.Retired || targetStatus == Lifecycle.Active)
        {
            return true;
        }

        return model.ShutdownOn is DateTime modelEnd && target.ShutdownOn is DateTime targetEnd && targetEnd > modelEnd;
    }

    internal static Offer CreateOffer(ModelInfo model, Candidate candidate, JudgePolicy policy)
    {
        var target = candidate.Target;
        var price = PriceChange.Between(model, target, policy);
        var notes = new List<string>();
        // "in place of gpt-5-mini" says nothing on a gpt-5-mini site.
        if (candidate.InPlaceOf is { } intent && intent.Id != model.Id && intent.Id != model.SnapshotOf)
        {
            notes.Add($"in place of {intent.Id}, retired {FormatOptionalDate(intent.ShutdownOn)}");
        }

        if (SmallerTier(target, model) is string smaller)
        {
            notes.Add(smaller);
        }

        if (price.DescribeBlended() is string blended)
        {
            notes.Add(price.DescribeMonthly() is string monthly ? $"{blended}, {monthly}" : blended);
        }

        if (target.StatusAt(policy.AsOf) == Lifecycle.Deprecated)
        {
            notes.Add(target.ShutdownOn is DateTime end ? $"shuts down {ModelCatalog.FormatDate(end)}" : "deprecated");
        }

        if (model.Kind == "embedding")
        {
            notes.Add("re-embed stored vectors");
        }

        string title = notes.Count == 0 ? $"Use '{target.Id}'" : $"Use '{target.Id}' ({string.Join("; ", notes)})";
        return new Offer(target, price, title);
    }

    /// <summary>"smaller tier: entry, not mid" when the target's tier is known to be below the current model's.</summary>
    internal static string? SmallerTier(ModelInfo target, ModelInfo current) =>
        target.Tier is ModelTier t && current.Tier is ModelTier c && t < c
            ? $"smaller tier: {ModelInfo.TierName(t)}, not {ModelInfo.TierName(c)}"
            : null;

    private static string RetiredMessage(ModelInfo model, string advice)
    {
        string when = model.ShutdownOn is DateTime end ? $" on {ModelCatalog.FormatDate(end)}" : "";
        return $"'{model.Id}' was shut down{when} and requests to it fail; {advice}";
    }

    private static string DeprecatedMessage(ModelInfo model, string advice)
    {
        string when = model.ShutdownOn is DateTime end
            ? $"shuts down on {ModelCatalog.FormatDate(end)}"
            : model.ShutdownNotBefore is DateTime earliest
                ? $"is deprecated and shuts down no earlier than {ModelCatalog.FormatDate(earliest)} (exact date not announced)"
                : "is deprecated (shutdown date not announced)";
        return $"'{model.Id}' {when}; {advice}";
    }

    private static string CostlierMessage(ModelInfo model, Offer recommended, JudgePolicy policy)
    {
        var target = recommended.Target;
        string why = IsAtLeastAsCapable(target, model)
            ? "which does at least as much"
            : SmallerTier(target, model) is string smaller ? $"the configured target ({smaller})" : "the configured target";
        return $"'{model.Id}' costs more than '{target.Id}', {why}; {Describe(model, target, policy)}";
    }

    /// <summary>
    /// The recommendation and what stands beside it: "'gpt-6.2-sol' lists 93% lower ... (notes); OpenAI names
    /// 'gpt-5.6-sol', which lists ...". A recommendation that costs more says so, with the cheapest smaller-tier
    /// model that costs less.
    /// </summary>
    private static string Advice(ModelInfo model, Offer? recommended, ModelInfo? successor, IReadOnlyList<Offer> offers, JudgePolicy policy)
    {
        if (recommended is null)
        {
            return "OpenAI names no replacement";
        }

        // OpenAI's own pick is named as such; any other smaller tier is marked as one.
        string? smallerTier = SmallerTier(recommended.Target, model);
        var parts = new List<string>
        {
            recommended.Target.Id == successor?.Id
                ? $"OpenAI names '{successor.Id}'{HowNamed(model, successor)}{(smallerTier is null ? "" : $" ({smallerTier})")}, which {Describe(model, successor, policy, named: false)}{Notes(model, successor)}"
                : smallerTier is null ? Describe(model, recommended.Target, policy) : $"{Describe(model, recommended.Target, policy)} ({smallerTier})",
        };
        if (recommended.Price?.BlendedSaving < 0)
        {
            parts[0] += IsAtLeastAsCapable(recommended.Target, model) && recommended.Target.Tier is not null
                ? " (it costs more: no cheaper live model does at least as much)"
                : " (it costs more)";
        }

        if (successor is not null && successor.Id != recommended.Target.Id)
        {
            parts.Add($"OpenAI names '{successor.Id}'{HowNamed(model, successor)}{(SmallerTier(successor, model) is string smaller ? $" ({smaller})" : "")}, which {Describe(model, successor, policy, named: false)}");
        }

        foreach (var offer in offers)
        {
            if (offer.Target.Id != recommended.Target.Id && offer.Target.Id != successor?.Id
                && SmallerTier(offer.Target, model) is string smaller && offer.Price?.BlendedSaving > 0 && recommended.Price?.BlendedSaving < 0)
            {
                parts.Add($"'{offer.Target.Id}' ({smaller}) {Describe(model, offer.Target, policy, named: false)}");
                break;
            }
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// What OpenAI's notice says beside the id it names, when it names a mode or a condition: ' (reasoning.mode: "pro",
    /// Responses API only)' for gpt-5-pro's gpt-6.1-sol. Empty for a plain id or a successor found further down the chain.
    /// </summary>
    private static string HowNamed(ModelInfo model, ModelInfo successor) =>
        model.Replacement == successor.Id && model.ReplacementNote is { } note && note.StartsWith(successor.Id + " (", StringComparison.Ordinal)
            ? note.Substring(successor.Id.Length)
            : "";

    /// <summary>"'gpt-5.6-sol' lists 83% lower input and 50% lower output prices (it is a reasoning model: ...)".</summary>
    private static string Describe(ModelInfo model, ModelInfo target, JudgePolicy policy, bool named = true)
    {
        var price = PriceChange.Between(model, target, policy);
        string subject = named ? $"'{target.Id}' " : "";
        string prices = price.DescribeInputAndOutput() is string change
            ? $"{subject}lists {change}"
            : named ? $"consider '{target.Id}'" : "lists no comparable price";
        if (price.DescribeMonthly() is string monthly)
        {
            prices += $", which {monthly} at the configured token volumes";
        }

        return named ? prices + Notes(model, target) : prices;
    }

    /// <summary>" (it is a reasoning model: ...; stored vectors must be re-embedded)", or "".</summary>
    private static string Notes(ModelInfo model, ModelInfo target)
    {
        var notes = new List<string>();
        if (target.IsReasoning && !model.IsReasoning)
        {
            notes.Add("it is a reasoning model: its reasoning tokens bill as output");
        }

        if (model.Kind == "embedding")
        {
            notes.Add("stored vectors must be re-embedded");
        }

        return notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
    }

    private static bool AtLeast(long? target, long? current) => current is not long c || (target is long t && t >= c);

    private static bool Covers(bool? target, bool? current) => current != true || target == true;
}

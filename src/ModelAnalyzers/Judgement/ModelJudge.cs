using System;
using System.Collections.Generic;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>A model a fix can switch to, with what the switch changes.</summary>
internal sealed class Offer
{
    public Offer(ModelInfo target, PriceChange? price, string title)
    {
        Target = target;
        Price = price;
        Title = title;
    }

    public ModelInfo Target { get; }

    /// <summary>Null when the switch is not about price (a misspelled id).</summary>
    public PriceChange? Price { get; }

    /// <summary>Code action title, e.g. "Use 'gpt-4o-mini' (99% cheaper; shuts down 2027-01-14)".</summary>
    public string Title { get; }
}

/// <summary>What a model id at a call site deserves: which rule, why, and the offered targets in order.</summary>
internal sealed class Verdict
{
    public Verdict(string ruleId, ModelInfo model, string message, IReadOnlyList<Offer> offers)
    {
        RuleId = ruleId;
        Model = model;
        Message = message;
        Offers = offers;
    }

    public string RuleId { get; }

    public ModelInfo Model { get; }

    public string Message { get; }

    public IReadOnlyList<Offer> Offers { get; }
}

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
            return catalog.Find(mapped) is { } deployed && !policy.AllowedModels.Contains(mapped) && JudgeModel(catalog, deployed, policy) is { } verdict
                ? new Verdict(verdict.RuleId, deployed, $"deployment '{value}' runs model '{deployed.Id}': {verdict.Message}", Array.Empty<Offer>())
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
                RuleIds.Misspelled,
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
            return new Verdict(RuleIds.Retired, baseModel, $"'{value}' is a fine-tune of '{baseId}', which was shut down on {FormatOptionalDate(baseModel.ShutdownOn)}: requests to it fail; {retrain}", Array.Empty<Offer>());
        }

        return status == Lifecycle.Deprecated && IsWithinWindow(baseModel, policy)
            ? new Verdict(RuleIds.Deprecated, baseModel, $"'{value}' is a fine-tune of '{baseId}', which shuts down on {FormatOptionalDate(baseModel.ShutdownOn)}; {retrain}", Array.Empty<Offer>())
            : null;
    }

    private static string FormatOptionalDate(DateTime? date) => date is DateTime d ? ModelCatalog.FormatDate(d) : "a date not yet announced";

    private static Verdict? JudgeModel(ModelCatalog catalog, ModelInfo model, JudgePolicy policy)
    {
        var asOf = policy.AsOf;
        var status = model.StatusAt(asOf);

        // OpenAI names a replacement in its deprecation notice; before the notice there is none to offer.
        var successor = status == Lifecycle.Active ? null : FollowReplacement(catalog, model, asOf);
        var teamChoice = policy.Replacements.TryGetValue(model.Id, out var chosen) ? catalog.Find(chosen) : null;
        var offers = new List<Offer>();
        foreach (var candidate in Candidates(catalog, teamChoice, policy.Targets, successor))
        {
            if (IsOfferable(model, status, candidate, asOf))
            {
                offers.Add(CreateOffer(model, candidate, policy));
            }
        }

        var advice = teamChoice ?? successor ?? FirstTarget(offers);
        if (status == Lifecycle.Retired)
        {
            return new Verdict(RuleIds.Retired, model, RetiredMessage(model, advice, policy), offers);
        }

        if (status == Lifecycle.Deprecated && IsWithinWindow(model, policy))
        {
            return new Verdict(RuleIds.Deprecated, model, DeprecatedMessage(model, advice, policy), offers);
        }

        // Costlier only counts against a target that does everything the current model does, for less.
        var cheaper = offers.FindAll(o => o.Price?.BlendedSaving > 0 && IsAtLeastAsCapable(o.Target, model));
        return cheaper.Count == 0 ? null : new Verdict(RuleIds.Costlier, model, CostlierMessage(model, cheaper[0].Target, policy), cheaper);
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

    public static bool IsAtLeastAsCapable(ModelInfo target, ModelInfo current) =>
        target.KindGroup == current.KindGroup
        && AtLeast(target.ContextWindow, current.ContextWindow)
        && AtLeast(target.MaxOutput, current.MaxOutput)
        && Covers(target.Vision, current.Vision)
        && Covers(target.Tools, current.Tools)
        && Covers(target.StructuredOutputs, current.StructuredOutputs)
        && (!current.IsReasoning || target.IsReasoning);

    private static IEnumerable<ModelInfo> Candidates(ModelCatalog catalog, ModelInfo? teamChoice, IReadOnlyList<string> targets, ModelInfo? successor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (teamChoice is not null && seen.Add(teamChoice.Id))
        {
            yield return teamChoice;
        }

        foreach (var id in targets)
        {
            if (catalog.Find(id) is { } target && seen.Add(id))
            {
                yield return target;
            }
        }

        if (successor is not null && seen.Add(successor.Id))
        {
            yield return successor;
        }
    }

    private static bool IsOfferable(ModelInfo model, Lifecycle modelStatus, ModelInfo target, DateTime asOf)
    {
        if (target.Id == model.Id || target.SnapshotOf == model.Id || model.SnapshotOf == target.Id
            || target.KindGroup != model.KindGroup)
        {
            return false;
        }

        var targetStatus = target.StatusAt(asOf);
        if (targetStatus == Lifecycle.Retired)
        {
            return false;
        }

        // Moving off a model that still works only makes sense to one that lasts at least as long.
        if (modelStatus == Lifecycle.Retired || targetStatus == Lifecycle.Active)
        {
            return true;
        }

        return model.ShutdownOn is DateTime modelEnd && target.ShutdownOn is DateTime targetEnd && targetEnd >= modelEnd;
    }

    private static Offer CreateOffer(ModelInfo model, ModelInfo target, JudgePolicy policy)
    {
        var price = PriceChange.Between(model, target, policy);
        var status = target.StatusAt(policy.AsOf);
        var notes = new List<string>();
        if (price.DescribeBlended() is string blended)
        {
            notes.Add(price.DescribeMonthly() is string monthly ? $"{blended}, {monthly}" : blended);
        }

        if (status == Lifecycle.Deprecated)
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

    private static ModelInfo? FirstTarget(List<Offer> offers) => offers.Count > 0 ? offers[0].Target : null;

    private static string RetiredMessage(ModelInfo model, ModelInfo? advice, JudgePolicy policy)
    {
        string when = model.ShutdownOn is DateTime end ? $" on {ModelCatalog.FormatDate(end)}" : "";
        return $"'{model.Id}' was shut down{when} and requests to it fail{Advice(model, advice, policy)}";
    }

    private static string DeprecatedMessage(ModelInfo model, ModelInfo? advice, JudgePolicy policy)
    {
        string when = model.ShutdownOn is DateTime end
            ? $"shuts down on {ModelCatalog.FormatDate(end)}"
            : "is deprecated (shutdown date not announced)";
        return $"'{model.Id}' {when}{Advice(model, advice, policy)}";
    }

    private static string CostlierMessage(ModelInfo model, ModelInfo target, JudgePolicy policy) =>
        $"'{model.Id}' costs more than '{target.Id}', which does at least as much{Advice(model, target, policy)}";

    /// <summary>"; 'gpt-5.6-sol' lists 83% lower input and 50% lower output prices (...)".</summary>
    private static string Advice(ModelInfo model, ModelInfo? target, JudgePolicy policy)
    {
        if (target is null)
        {
            return "; OpenAI names no replacement";
        }

        var price = PriceChange.Between(model, target, policy);
        string prices = price.DescribeInputAndOutput() is string change
            ? $"'{target.Id}' lists {change}"
            : $"consider '{target.Id}'";
        if (price.DescribeMonthly() is string monthly)
        {
            prices += $", which {monthly} at the configured token volumes";
        }

        var notes = new List<string>();
        if (target.IsReasoning)
        {
            notes.Add("it is a reasoning model: its reasoning tokens bill as output");
        }

        if (model.Kind == "embedding")
        {
            notes.Add("stored vectors must be re-embedded");
        }

        return notes.Count == 0 ? $"; {prices}" : $"; {prices} ({string.Join("; ", notes)})";
    }

    private static bool AtLeast(long? target, long? current) => current is not long c || (target is long t && t >= c);

    private static bool Covers(bool? target, bool? current) => current != true || target == true;
}

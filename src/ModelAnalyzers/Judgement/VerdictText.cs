using System;
using System.Collections.Generic;
using System.Linq;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>The words of a verdict: its message, the advice in it, and each offer's title with its price change.</summary>
internal static class VerdictText
{
    public static string FormatOptionalDate(DateTime? date) => date is DateTime d ? ModelCatalog.FormatDate(d) : "a date not yet announced";

    public static Offer CreateOffer(ModelInfo model, Candidate candidate, JudgePolicy policy)
    {
        var target = candidate.Target;
        var price = PriceChange.Between(model, target, policy);
        var notes = new List<string>();
        // "in place of gpt-5-mini" says nothing on a gpt-5-mini site.
        if (candidate.InPlaceOf is { } intent && intent.Id != model.Id && intent.Id != model.SnapshotOf)
        {
            notes.Add($"in place of {intent.Id}, retired {FormatOptionalDate(intent.ShutdownOn)}");
        }

        if (Capability.SmallerTier(target, model) is string smaller)
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

    public static string Retired(ModelInfo model, string advice)
    {
        string when = model.ShutdownOn is DateTime end ? $" on {ModelCatalog.FormatDate(end)}" : "";
        return $"'{model.Id}' was shut down{when} and requests to it fail; {advice}";
    }

    public static string Deprecated(ModelInfo model, string advice)
    {
        string when = model.ShutdownOn is DateTime end
            ? $"shuts down on {ModelCatalog.FormatDate(end)}"
            : model.ShutdownNotBefore is DateTime earliest
                ? $"is deprecated and shuts down no earlier than {ModelCatalog.FormatDate(earliest)} (exact date not announced)"
                : "is deprecated (shutdown date not announced)";
        return $"'{model.Id}' {when}; {advice}";
    }

    public static string Costlier(ModelInfo model, Offer recommended, JudgePolicy policy)
    {
        var target = recommended.Target;
        string why = Capability.IsAtLeastAsCapable(target, model)
            ? "which does at least as much"
            : Capability.SmallerTier(target, model) is string smaller ? $"the configured target ({smaller})" : "the configured target";
        return $"'{model.Id}' costs more than '{target.Id}', {why}; {Describe(model, target, policy)}{Parenthesized(Notes(model, target, policy))}";
    }

    /// <summary>
    /// The recommendation and what stands beside it: "'gpt-6.2-sol' lists 93% lower ... (notes); OpenAI names
    /// 'gpt-5.6-sol', which lists ...". A recommendation that costs more says so, with the cheapest smaller-tier
    /// model that costs less. Each model's notes stand in one pair of parentheses.
    /// </summary>
    public static string Advice(ModelInfo model, Offer? recommended, ModelInfo? successor, IReadOnlyList<Offer> offers, JudgePolicy policy)
    {
        if (recommended is null)
        {
            return "OpenAI names no replacement";
        }

        var target = recommended.Target;
        var notes = Notes(model, target, policy);
        string first;
        if (target.Id == successor?.Id)
        {
            // OpenAI's own pick is named as such (a smaller tier beside its name); any other smaller tier is a note.
            string smaller = Capability.SmallerTier(target, model) is string tier ? $" ({tier})" : "";
            first = $"OpenAI names '{target.Id}'{HowNamed(model, target)}{smaller}, which {Describe(model, target, policy, named: false)}";
        }
        else
        {
            first = Describe(model, target, policy);
            if (Capability.SmallerTier(target, model) is string tier)
            {
                notes.Insert(0, tier);
            }
        }

        if (recommended.Price?.BlendedSaving < 0)
        {
            // Only a search among models of known tier can say that nothing cheaper does as much.
            notes.Add(model.Tier is not null && target.Tier is not null && Capability.IsAtLeastAsCapable(target, model)
                ? "it costs more: no cheaper live model does at least as much"
                : "it costs more");
        }

        var parts = new List<string> { first + Parenthesized(notes) };
        if (successor is not null && successor.Id != target.Id)
        {
            parts.Add($"OpenAI names '{successor.Id}'{HowNamed(model, successor)}{(Capability.SmallerTier(successor, model) is string smaller ? $" ({smaller})" : "")}, which {Describe(model, successor, policy, named: false)}{Parenthesized(Shutdown(successor, policy))}");
        }

        foreach (var offer in offers)
        {
            if (offer.Target.Id != target.Id && offer.Target.Id != successor?.Id
                && Capability.SmallerTier(offer.Target, model) is string smaller && offer.Price?.BlendedSaving > 0 && recommended.Price?.BlendedSaving < 0)
            {
                parts.Add($"'{offer.Target.Id}' ({smaller}) {Describe(model, offer.Target, policy, named: false)}{Parenthesized(Shutdown(offer.Target, policy))}");
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

    /// <summary>"'gpt-5.6-sol' lists 83% lower input and 50% lower output prices" (without the name: "lists ...").</summary>
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

        return prices;
    }

    /// <summary>
    /// "it is a reasoning model: ...", "it shuts down on 2027-01-14", "stored vectors must be re-embedded". Models named
    /// again later in a message carry only their shutdown (<see cref="Shutdown"/>).
    /// </summary>
    private static List<string> Notes(ModelInfo model, ModelInfo target, JudgePolicy policy)
    {
        var notes = new List<string>();
        if (target.IsReasoning && !model.IsReasoning)
        {
            notes.Add("it is a reasoning model: its reasoning tokens bill as output");
        }

        if (Shutdown(target, policy) is string shutdown)
        {
            notes.Add(shutdown);
        }

        if (model.Kind == "embedding")
        {
            notes.Add("stored vectors must be re-embedded");
        }

        return notes;
    }

    /// <summary>A named model that is itself deprecated says so, as its offer's title does: "it shuts down on 2027-01-14".</summary>
    private static string? Shutdown(ModelInfo target, JudgePolicy policy) =>
        target.StatusAt(policy.AsOf) != Lifecycle.Deprecated ? null
        : target.ShutdownOn is DateTime end ? $"it shuts down on {ModelCatalog.FormatDate(end)}"
        : "it is deprecated";

    private static string Parenthesized(string? note) => note is null ? "" : $" ({note})";

    private static string Parenthesized(List<string> notes) => notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
}

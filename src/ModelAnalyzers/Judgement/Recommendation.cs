using System;
using System.Collections.Generic;
using System.Linq;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// Chooses the one model each site is moved to (the recommendation) and the other offers. The order, documented in
/// docs/configuration.md#recommendations:
/// 1. the team's choice (replace.&lt;id&gt;, then targets), wherever it can be offered, even a smaller tier;
/// 2. otherwise, among the models that do at least as much (or that OpenAI names): a model with no shutdown scheduled
///    before a deprecated one, one that costs no more before one that costs more, a tier at least as high before a
///    smaller one, then the cheapest, then the newest.
/// A configured or default target retired at the as-of date stands for its intent (<see cref="Intent"/>).
/// </summary>
internal static class Recommendation
{
    public static List<Candidate> Candidates(ModelCatalog catalog, ModelInfo model, Lifecycle status, ModelInfo? successor, JudgePolicy policy)
    {
        var asOf = policy.AsOf;
        var list = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(ModelInfo target, ModelInfo? inPlaceOf, CandidateSource source)
        {
            if (seen.Add(target.Id) && Capability.IsOfferable(model, status, target, asOf))
            {
                bool fit = Capability.IsAtLeastAsCapable(target, model) || target.Id == successor?.Id;
                list.Add(new Candidate(target, inPlaceOf, source, fit, list.Count));
            }
        }

        if (policy.Replacements.TryGetValue(model.Id, out var chosen) && catalog.Find(chosen) is { } teamChoice)
        {
            var (target, inPlaceOf) = Intent(catalog, teamChoice, asOf);
            Add(target, inPlaceOf, CandidateSource.Configured);
        }

        foreach (var id in policy.Targets)
        {
            if (catalog.Find(id) is { } configured)
            {
                var (target, inPlaceOf) = Intent(catalog, configured, asOf);
                Add(target, inPlaceOf, policy.TargetsConfigured ? CandidateSource.Configured : CandidateSource.Default);
            }
        }

        if (successor is not null)
        {
            Add(successor, null, CandidateSource.Successor);
        }

        // Without a tier the model's job is special (search, code): only the named candidates above can replace it.
        if (model.Tier is not null)
        {
            foreach (var other in catalog.Models)
            {
                if (other.Tier is not null && other.SnapshotOf is null && other.StatusAt(asOf) != Lifecycle.Retired
                    && Capability.IsAtLeastAsCapable(other, model))
                {
                    Add(other, null, CandidateSource.Catalog);
                }
            }
        }

        return list;
    }

    /// <summary>
    /// A retired or soon-retired model: the recommendation first, then the configured, default and OpenAI-named
    /// offers; when the recommendation costs more, also the cheapest smaller-tier model that costs less (titled so).
    /// </summary>
    public static (Offer? Recommended, IReadOnlyList<Offer> Offers) ForMove(ModelCatalog catalog, ModelInfo model, Lifecycle status, List<Candidate> candidates, JudgePolicy policy)
    {
        var recommended = candidates.FirstOrDefault(c => c.Source == CandidateSource.Configured)
            ?? Best(model, candidates.Where(c => c.Fit), policy)
            ?? Best(model, candidates.Where(c => c.Source != CandidateSource.Catalog), policy);
        if (recommended is null)
        {
            return (null, Array.Empty<Offer>());
        }

        var offers = new List<Offer> { VerdictText.CreateOffer(model, recommended, policy) };
        foreach (var candidate in candidates)
        {
            if (candidate != recommended && candidate.Source != CandidateSource.Catalog)
            {
                offers.Add(VerdictText.CreateOffer(model, candidate, policy));
            }
        }

        if (offers[0].Price?.BlendedSaving < 0 && !offers.Any(o => o.Price?.BlendedSaving > 0)
            && CheapestSmallerTier(catalog, model, status, policy) is { } smaller)
        {
            offers.Add(VerdictText.CreateOffer(model, new Candidate(smaller, null, CandidateSource.Catalog, Fit: false, candidates.Count), policy));
        }

        return (offers[0], offers);
    }

    /// <summary>A model that still works: the cheaper models that do at least as much (or the team chose), the best first.</summary>
    public static List<Offer> ForCost(ModelInfo model, List<Candidate> candidates, JudgePolicy policy)
    {
        bool Cheaper(Candidate c) => PriceChange.Between(model, c.Target).BlendedSaving > 0;
        var cheaper = candidates
            .Where(c => (c.Source == CandidateSource.Configured || Capability.IsAtLeastAsCapable(c.Target, model)) && Cheaper(c))
            .ToList();
        var recommended = cheaper.FirstOrDefault(c => c.Source == CandidateSource.Configured) ?? Best(model, cheaper, policy);
        var offers = new List<Offer>();
        if (recommended is not null)
        {
            offers.Add(VerdictText.CreateOffer(model, recommended, policy));
            foreach (var candidate in cheaper)
            {
                if (candidate != recommended && candidate.Source != CandidateSource.Catalog)
                {
                    offers.Add(VerdictText.CreateOffer(model, candidate, policy));
                }
            }
        }

        return offers;
    }

    /// <summary>
    /// What a configured target stands for once it is retired: the first live model of its replacement chain, or,
    /// when that costs more than the target did, the cheapest live model of the target's kind and tier.
    /// </summary>
    public static (ModelInfo Target, ModelInfo? InPlaceOf) Intent(ModelCatalog catalog, ModelInfo target, DateTime asOf)
    {
        if (target.StatusAt(asOf) != Lifecycle.Retired)
        {
            return (target, null);
        }

        var chain = Capability.FollowReplacement(catalog, target, asOf);
        if (chain is not null && !(PriceChange.Between(target, chain).BlendedSaving < 0))
        {
            return (chain, target);
        }

        var sameTier = target.Tier is null ? null : CheapestLive(catalog, target, asOf, (other, price) =>
            other.Tier == target.Tier && (chain?.BlendedPer1M is not double chainPrice || price < chainPrice));
        return (sameTier ?? chain) is { } standIn ? (standIn, target) : (target, null);
    }

    /// <summary>The cheapest live model of the same kind and task, of a smaller tier, that costs less than the site's model.</summary>
    private static ModelInfo? CheapestSmallerTier(ModelCatalog catalog, ModelInfo model, Lifecycle status, JudgePolicy policy)
    {
        if (model.Tier is null || model.BlendedPer1M is not double current)
        {
            return null;
        }

        return CheapestLive(catalog, model, policy.AsOf, (other, price) =>
            other.Tier < model.Tier && price < current && other.StatusAt(policy.AsOf) == Lifecycle.Active && Capability.IsOfferable(model, status, other, policy.AsOf));
    }

    /// <summary>
    /// The cheapest priced, general-purpose (tiered, undated) model of <paramref name="like"/>'s kind and task that is
    /// not retired and that <paramref name="accept"/> takes; one with no shutdown scheduled before a deprecated one.
    /// </summary>
    private static ModelInfo? CheapestLive(ModelCatalog catalog, ModelInfo like, DateTime asOf, Func<ModelInfo, double, bool> accept)
    {
        ModelInfo? best = null;
        (int, double) bestRank = default;
        foreach (var other in catalog.Models)
        {
            if (other.Tier is not null && other.SnapshotOf is null && other.KindGroup == like.KindGroup && other.Task == like.Task
                && other.StatusAt(asOf) is var status && status != Lifecycle.Retired && other.BlendedPer1M is double price && accept(other, price))
            {
                var rank = (status == Lifecycle.Active ? 0 : 1, price);
                if (best is null || rank.CompareTo(bestRank) < 0)
                {
                    (best, bestRank) = (other, rank);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// No shutdown scheduled first, then no cost increase, then a tier at least as high, then the cheapest; at equal
    /// prices a named candidate (default target, OpenAI's pick) before the catalog's, then the newest.
    /// </summary>
    private static Candidate? Best(ModelInfo model, IEnumerable<Candidate> candidates, JudgePolicy policy) =>
        candidates
            .OrderBy(c => c.Target.StatusAt(policy.AsOf) == Lifecycle.Active ? 0 : 1)
            .ThenBy(c => PriceChange.Between(model, c.Target).BlendedSaving switch { null => 2, < 0 => 1, _ => 0 })
            .ThenBy(c => model.Tier is null || c.Target.Tier >= model.Tier ? 0 : 1)
            .ThenBy(c => c.Target.BlendedPer1M ?? double.MaxValue)
            .ThenBy(c => c.Source)
            .ThenByDescending(c => c.Target.Released ?? DateTime.MinValue)
            .ThenBy(c => c.Order)
            .FirstOrDefault();
}

using System;
using System.Collections.Generic;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>What may replace what: OpenAI's replacement chain, capability, offerability and tier, from catalog facts only.</summary>
internal static class Capability
{
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

    public static bool IsOfferable(ModelInfo model, Lifecycle modelStatus, ModelInfo target, DateTime asOf)
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

    /// <summary>"smaller tier: entry, not mid" when the target's tier is known to be below the current model's.</summary>
    public static string? SmallerTier(ModelInfo target, ModelInfo current) =>
        target.Tier is ModelTier t && current.Tier is ModelTier c && t < c
            ? $"smaller tier: {ModelInfo.TierName(t)}, not {ModelInfo.TierName(c)}"
            : null;

    private static bool AtLeast(long? target, long? current) => current is not long c || (target is long t && t >= c);
    private static bool Covers(bool? target, bool? current) => current != true || target == true;
}

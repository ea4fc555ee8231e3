using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelAnalyzers.Catalog;

/// <summary>
/// One catalog entry, immutable: an overlay or a dated price gives a new entry (<c>with</c>), never changes a shared one.
/// Null means "unknown or not applicable" in the sources.
/// </summary>
internal sealed record ModelInfo
{
    public ModelInfo(string id, string kind)
    {
        Id = id;
        Kind = kind;
    }

    public string Id { get; }

    /// <summary>chat, reasoning, embedding, image, audio, moderation, video or completion-legacy.</summary>
    public string Kind { get; init; }

    public double? InputPer1M { get; init; }

    public double? CachedInputPer1M { get; init; }

    public double? OutputPer1M { get; init; }

    public long? ContextWindow { get; init; }

    public long? MaxOutput { get; init; }

    public bool? Reasoning { get; init; }

    public bool? Vision { get; init; }

    public bool? Tools { get; init; }

    public bool? StructuredOutputs { get; init; }

    /// <summary>The undated alias this dated snapshot belongs to (gpt-4o-2024-08-06 belongs to gpt-4o).</summary>
    public string? SnapshotOf { get; init; }

    /// <summary>The date OpenAI announced the deprecation, when known.</summary>
    public DateTime? DeprecatedOn { get; init; }

    /// <summary>True when a deprecation notice exists, even if its date is not known.</summary>
    public bool Deprecated { get; init; }

    /// <summary>From this date on, requests to the model fail.</summary>
    public DateTime? ShutdownOn { get; init; }

    /// <summary>For a deprecated model whose shutdown date is not known: the earliest date the sources allow.</summary>
    public DateTime? ShutdownNotBefore { get; init; }

    /// <summary>OpenAI's recommended replacement (an id in the catalog).</summary>
    public string? Replacement { get; init; }

    /// <summary>OpenAI's wording when it says more than an id ("gpt-5.6-sol (reasoning.mode: pro)").</summary>
    public string? ReplacementNote { get; init; }

    public string Source { get; init; } = "";

    /// <summary>Prices that take effect on later dates, in date order; the judgement uses the one in force at its as-of date.</summary>
    public IReadOnlyList<PricePeriod> PriceSchedule { get; init; } = Array.Empty<PricePeriod>();

    /// <summary>Null for models made for one job (search, code, chat-latest aliases), which are never chosen by tier.</summary>
    public ModelTier? Tier { get; init; }

    /// <summary>The source or naming rule that gave <see cref="Tier"/>.</summary>
    public string? TierSource { get; init; }

    /// <summary>The model's generation: its release date, when known.</summary>
    public DateTime? Released { get; init; }

    public string? ReleasedSource { get; init; }

    /// <summary>What an audio model does (transcription, speech, realtime, audio-chat): only models of one task replace each other.</summary>
    public string? Task { get; init; }

    /// <summary>
    /// Chat Completions parameter names the model answers HTTP 400 to while reasoning is on ("temperature" means a
    /// value other than 1). Empty for models that accept them all.
    /// </summary>
    public IReadOnlyList<string> RejectedParameters { get; init; } = Array.Empty<string>();

    /// <summary>The model takes reasoning effort "none", which turns the sampling parameters back on (GPT-5.1 and later).</summary>
    public bool? AcceptsNoReasoning { get; init; }

    /// <summary>Reasoning effort defaults to "none" (gpt-5.1, gpt-5.2): sampling parameters work unless effort is raised.</summary>
    public bool? ReasoningOffByDefault { get; init; }

    /// <summary>Where <see cref="RejectedParameters"/> and <see cref="AcceptsNoReasoning"/> come from.</summary>
    public string? ParametersSource { get; init; }

    /// <summary>The reasoning efforts the model is known to accept ("low", "medium", ...); empty when not known.</summary>
    public IReadOnlyList<string> ReasoningEfforts { get; init; } = Array.Empty<string>();

    /// <summary>Reasoning efforts the model answers HTTP 400 to ("none" on gpt-6.2-sol); MDL0004 flags only these.</summary>
    public IReadOnlyList<string> RejectedEfforts { get; init; } = Array.Empty<string>();

    /// <summary>Where <see cref="ReasoningEfforts"/> and <see cref="RejectedEfforts"/> come from.</summary>
    public string? EffortsSource { get; init; }

    public bool Rejects(string parameter) => RejectedParameters.Contains(parameter);

    public bool RejectsEffort(string effort) => RejectedEfforts.Contains(effort);

    /// <summary>This model with the prices in force on <paramref name="date"/>; itself when no scheduled price has started.</summary>
    public ModelInfo At(DateTime date)
    {
        PricePeriod? current = null;
        foreach (var period in PriceSchedule)
        {
            if (period.From <= date)
            {
                current = period;
            }
        }

        if (current is null)
        {
            return this;
        }

        return this with
        {
            InputPer1M = current.InputPer1M ?? InputPer1M,
            CachedInputPer1M = current.CachedInputPer1M ?? CachedInputPer1M,
            OutputPer1M = current.OutputPer1M ?? OutputPer1M,
        };
    }

    /// <summary>
    /// Chat and reasoning models answer the same requests, so they can replace each other;
    /// every other kind only replaces its own kind.
    /// </summary>
    public string KindGroup => Kind is "chat" or "reasoning" ? "text" : Kind;

    /// <summary>"mid" for <see cref="ModelTier.Mid"/>: the word the catalog, overlays and messages use.</summary>
    public static string TierName(ModelTier tier) => tier.ToString().ToLowerInvariant();

    public static ModelTier? ParseTier(string? name) => name switch
    {
        "entry" => ModelTier.Entry,
        "mid" => ModelTier.Mid,
        "flagship" => ModelTier.Flagship,
        "top" => ModelTier.Top,
        _ => null,
    };

    public bool IsReasoning => Reasoning == true || Kind == "reasoning";

    /// <summary>Price of one million tokens at a 3:1 input:output mix (input alone for input-only models).</summary>
    public double? BlendedPer1M =>
        InputPer1M is not double input ? null
        : OutputPer1M is double output ? ((3 * input) + output) / 4
        : input;

    public Lifecycle StatusAt(DateTime date)
    {
        if (ShutdownOn is DateTime shutdown && shutdown <= date)
        {
            return Lifecycle.Retired;
        }

        if (DeprecatedOn is DateTime notice)
        {
            return notice <= date ? Lifecycle.Deprecated : Lifecycle.Active;
        }

        return Deprecated ? Lifecycle.Deprecated : Lifecycle.Active;
    }
}

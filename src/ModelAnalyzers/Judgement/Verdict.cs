using System.Collections.Generic;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>What a model id at a call site deserves: what was decided, why, and the offered targets in order.</summary>
/// <param name="Offers">The first offer is the site's recommendation: the message, the first code action, Fix All and model-audit name it.</param>
internal sealed record Verdict(VerdictKind Kind, ModelInfo Model, string Message, IReadOnlyList<Offer> Offers)
{
    public Offer? Recommended => Offers.Count > 0 ? Offers[0] : null;

    /// <summary>The date that decides when it is not the model's own shutdown: Azure's retirement for the deployment's version and type.</summary>
    public System.DateTime? Date { get; init; }
}

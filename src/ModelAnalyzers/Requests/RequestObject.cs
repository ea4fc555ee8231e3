using System.Collections.Generic;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Requests;

/// <summary>A request-options object and what is known of the request it goes into.</summary>
internal sealed class RequestObject
{
    public List<OptionAssignment> Assignments { get; } = new();

    /// <summary>The model ids the request can go to (its own model, else the client's); empty when not certain.</summary>
    public List<ModelLiteral> Models { get; } = new();

    public EffortSetting Effort { get; set; }
}

using System;
using System.Linq;

namespace ModelAnalyzers.Walk;

/// <summary>
/// The one list of the names that say "model" on a team's own code, in any case: a parameter (ask(model: ...)), a
/// property (settings.ModelId = ...) or a named argument; "deploymentName" names an Azure deployment.
/// </summary>
internal static class ModelWords
{
    private static readonly string[] Models = { "model", "modelId", "modelName" };
    private static readonly string[] Deployments = { "deploymentName" };

    public static readonly string[] All = Models.Concat(Deployments).ToArray();

    /// <summary>False for a model word, true for a deployment word, null for any other name.</summary>
    public static bool? IsDeployment(string? name) =>
        name is null ? null
        : Models.Any(m => m.Equals(name, StringComparison.OrdinalIgnoreCase)) ? false
        : Deployments.Any(d => d.Equals(name, StringComparison.OrdinalIgnoreCase)) ? true
        : null;
}

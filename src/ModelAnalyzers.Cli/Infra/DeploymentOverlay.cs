using System.Text.Json;
using System.Text.Json.Nodes;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// The catalog overlay's "deployments" map for the deployments infrastructure code declares
/// (<c>"chat": { "model": "gpt-35-turbo", "version": "0613", "sku": "Standard", "definedIn": "infra/main.bicep:14" }</c>),
/// so that builds and the IDE judge <c>GetChatClient("chat")</c> by the deployment's model, version and type.
/// </summary>
internal static class DeploymentOverlay
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// The overlay's text: <paramref name="existing"/> (an overlay the team already has) with each declared deployment
    /// set, everything else in it kept; a new overlay when there is none.
    /// </summary>
    /// <exception cref="FormatException">The existing overlay is not a JSON object: it is never overwritten.</exception>
    public static string Write(IReadOnlyDictionary<string, DeploymentTarget> declared, string? existing)
    {
        JsonObject root;
        try
        {
            root = existing is null || existing.Trim().Length == 0
                ? new JsonObject()
                : JsonNode.Parse(existing, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                    ?? throw new FormatException("the existing overlay is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the existing overlay is not valid JSON ({e.Message})", e);
        }

        if (root["deployments"] is not JsonObject deployments)
        {
            if (root["deployments"] is not null)
            {
                throw new FormatException("the existing overlay's \"deployments\" is not an object");
            }

            root["deployments"] = deployments = new JsonObject();
        }

        foreach (var (name, target) in declared)
        {
            var entry = new JsonObject { ["model"] = target.Model };
            if (target.Version is not null)
            {
                entry["version"] = target.Version;
            }

            if (target.Sku is not null)
            {
                entry["sku"] = target.Sku;
            }

            if (target.DefinedIn is not null)
            {
                entry["definedIn"] = target.DefinedIn;
            }

            deployments[name] = entry;
        }

        return root.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}

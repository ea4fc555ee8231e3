using System.Text.Json;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Azure OpenAI deployments in Bicep: <c>Microsoft.CognitiveServices/accounts/deployments</c> resources
/// (<c>properties.model</c> name and version, <c>sku.name</c>) and the deployment lists passed to modules
/// (<c>deployments: [ { name, model: { format, name, version }, sku } ]</c>, as azd templates and Azure Verified
/// Modules write them). Values are resolved through parameter defaults, a <c>.bicepparam</c> or
/// <c>main.parameters.json</c> beside the file, and variables that hold literals.
/// </summary>
internal static class BicepDeployments
{
    private const string DeploymentType = "Microsoft.CognitiveServices/accounts/deployments";

    public static List<InfraDeployment> Find(string path, string text)
    {
        var file = BicepParser.Parse(text);
        var overrides = ParameterOverrides(path);
        var found = new List<InfraDeployment>();
        foreach (var (type, body) in file.Resources)
        {
            bool isDeployment = type.StartsWith(DeploymentType, StringComparison.OrdinalIgnoreCase);
            Walk(body, isDeployment, inArray: false, file, path, overrides, found, 0);
        }

        foreach (var value in file.Variables.Values.Concat(file.Parameters.Values))
        {
            Walk(value, isDeployment: false, inArray: false, file, path, overrides, found, 0);
        }

        return found;
    }

    private static void Walk(BicepNode node, bool isDeployment, bool inArray, BicepFile file, string path, Dictionary<string, WrittenValue> overrides, List<InfraDeployment> found, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        if (node.Kind == BicepNodeKind.Object)
        {
            var model = node["properties"]?["model"] ?? node["model"];
            if (model is { Kind: BicepNodeKind.Object } && model["name"] is { } modelName
                && (isDeployment || (inArray && (model["format"] is not null || model["version"] is not null))))
            {
                found.Add(new InfraDeployment(
                    path,
                    Resolve(node["name"], file, path, overrides, 0)?.Value,
                    Resolve(modelName, file, path, overrides, 0)!,
                    Resolve(model["version"], file, path, overrides, 0),
                    Resolve(node["sku"]?["name"], file, path, overrides, 0)?.Value));
                return;
            }

            foreach (var (_, value) in node.Properties)
            {
                Walk(value, false, false, file, path, overrides, found, depth + 1);
            }
        }
        else if (node.Kind == BicepNodeKind.Array)
        {
            foreach (var item in node.Items)
            {
                Walk(item, isDeployment, true, file, path, overrides, found, depth + 1);
            }
        }
    }

    /// <summary>A value as written, a parameter's (override or default) or a variable's literal; the expression's text when none.</summary>
    private static WrittenValue? Resolve(BicepNode? node, BicepFile file, string path, Dictionary<string, WrittenValue> overrides, int depth)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == BicepNodeKind.String)
        {
            return new WrittenValue(node.Text, path, node.Offset, node.Length);
        }

        string name = node.Text.Trim();
        if (depth < 4 && node.Kind == BicepNodeKind.Expression)
        {
            if (overrides.TryGetValue(name, out var overridden))
            {
                return overridden;
            }

            if (file.Parameters.TryGetValue(name, out var parameter) || file.Variables.TryGetValue(name, out parameter))
            {
                return Resolve(parameter, file, path, overrides, depth + 1);
            }
        }

        return new WrittenValue(null, path, node.Offset, node.Length, node.Kind == BicepNodeKind.Expression ? node.Text : "(an object or array)");
    }

    /// <summary>Values a .bicepparam or main.parameters.json beside the file gives its parameters (an azd ${VARIABLE} is not a value).</summary>
    private static Dictionary<string, WrittenValue> ParameterOverrides(string path)
    {
        var overrides = new Dictionary<string, WrittenValue>(StringComparer.Ordinal);
        string directory = Path.GetDirectoryName(path) ?? ".";
        string stem = Path.GetFileNameWithoutExtension(path);
        foreach (string bicepParam in new[] { Path.Combine(directory, stem + ".bicepparam") }.Where(File.Exists))
        {
            var parsed = BicepParser.Parse(File.ReadAllText(bicepParam));
            foreach (var (name, value) in parsed.Parameters)
            {
                if (value.Kind == BicepNodeKind.String)
                {
                    overrides[name] = new WrittenValue(value.Text, bicepParam, value.Offset, value.Length);
                }
            }
        }

        string json = Path.Combine(directory, stem + ".parameters.json");
        if (File.Exists(json))
        {
            string text = File.ReadAllText(json);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                foreach (var parameter in parameters.EnumerateObject())
                {
                    if (parameter.Value.ValueKind == JsonValueKind.Object && parameter.Value.TryGetProperty("value", out var value)
                        && value.ValueKind == JsonValueKind.String && value.GetString() is { } written && !written.Contains("${", StringComparison.Ordinal)
                        && JsonStringOffset(text, parameter.Name, written) is int offset)
                    {
                        overrides[parameter.Name] = new WrittenValue(written, json, offset, written.Length + 2);
                    }
                }
            }
        }

        return overrides;
    }

    /// <summary>Where a parameter's "value": "..." string starts in a parameters file (the quote), found from the text.</summary>
    private static int? JsonStringOffset(string text, string name, string value)
    {
        int key = text.IndexOf("\"" + name + "\"", StringComparison.Ordinal);
        if (key < 0)
        {
            return null;
        }

        int valueKey = text.IndexOf("\"value\"", key, StringComparison.Ordinal);
        int at = valueKey < 0 ? -1 : text.IndexOf("\"" + value + "\"", valueKey + 7, StringComparison.Ordinal);
        return at < 0 ? null : at;
    }
}

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
                    Resolve(node["sku"]?["name"], file, path, overrides, 0)?.Value,
                    modelName.Offset));
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

        foreach (var (name, value) in ParametersJson(Path.Combine(directory, stem + ".parameters.json")))
        {
            overrides[name] = value;
        }

        return overrides;
    }

    /// <summary>
    /// The string values of an ARM parameters file (main.parameters.json, azuredeploy.parameters.json), each where it is
    /// written; an azd ${VARIABLE} is not a value. Empty when there is no such file.
    /// </summary>
    public static Dictionary<string, WrittenValue> ParametersJson(string path)
    {
        var values = new Dictionary<string, WrittenValue>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        BicepNode root;
        try
        {
            root = ArmParser.Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{Path.GetFileName(path)} {e.Message}", e);
        }

        foreach (var (name, parameter) in root["parameters"]?.Properties ?? new())
        {
            if (parameter["value"] is { Kind: BicepNodeKind.String } value && !value.Text.Contains("${", StringComparison.Ordinal))
            {
                values[name] = new WrittenValue(value.Text, path, value.Offset, value.Length);
            }
        }

        return values;
    }
}

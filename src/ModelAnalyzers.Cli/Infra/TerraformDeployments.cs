namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Azure OpenAI deployments in Terraform: <c>azurerm_cognitive_deployment</c> resources (<c>model { name version }</c>,
/// <c>sku { name }</c>), with <c>var.*</c> resolved through the module folder's <c>variable</c> defaults and its
/// <c>terraform.tfvars</c> / <c>*.auto.tfvars</c> values (a later file wins, as Terraform reads them).
/// </summary>
internal static class TerraformDeployments
{
    public static List<InfraDeployment> Find(string path, string text)
    {
        var file = HclParser.Parse(text);
        var variables = Variables(path, file);
        var found = new List<InfraDeployment>();
        foreach (var resource in file.Blocks.Where(b => b.Type == "resource" && b.Labels.FirstOrDefault() == "azurerm_cognitive_deployment"))
        {
            if (resource.Block("model") is not { } model || model.Attributes.GetValueOrDefault("name") is not { } name)
            {
                continue;
            }

            found.Add(new InfraDeployment(
                path,
                Resolve(resource.Attributes.GetValueOrDefault("name"), path, variables)?.Value,
                Resolve(name, path, variables)!,
                Resolve(model.Attributes.GetValueOrDefault("version"), path, variables),
                Resolve(resource.Block("sku")?.Attributes.GetValueOrDefault("name"), path, variables)?.Value,
                name.Offset));
        }

        return found;
    }

    private static WrittenValue? Resolve(BicepNode? node, string path, Dictionary<string, WrittenValue> variables)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == BicepNodeKind.String)
        {
            return new WrittenValue(node.Text, path, node.Offset, node.Length);
        }

        return node.Text.StartsWith("var.", StringComparison.Ordinal) && variables.TryGetValue(node.Text.Substring(4), out var value)
            ? value
            : new WrittenValue(null, path, node.Offset, node.Length, node.Text);
    }

    /// <summary>The folder's variables: defaults from every .tf file, then terraform.tfvars, then *.auto.tfvars in name order.</summary>
    private static Dictionary<string, WrittenValue> Variables(string path, HclBlock current)
    {
        var values = new Dictionary<string, WrittenValue>(StringComparer.Ordinal);
        string directory = Path.GetDirectoryName(path) ?? ".";
        foreach (string tf in Directory.GetFiles(directory, "*.tf").Order(StringComparer.Ordinal))
        {
            var file = tf == path ? current : TryParse(tf);
            foreach (var variable in file?.Blocks.Where(b => b.Type == "variable" && b.Labels.Count == 1) ?? Enumerable.Empty<HclBlock>())
            {
                if (variable.Attributes.GetValueOrDefault("default") is { Kind: BicepNodeKind.String } fallback)
                {
                    values[variable.Labels[0]] = new WrittenValue(fallback.Text, tf, fallback.Offset, fallback.Length);
                }
            }
        }

        var tfvars = Directory.GetFiles(directory, "terraform.tfvars").Concat(Directory.GetFiles(directory, "*.auto.tfvars").Order(StringComparer.Ordinal));
        foreach (string file in tfvars)
        {
            foreach (var (name, value) in TryParse(file)?.Attributes ?? new Dictionary<string, BicepNode>())
            {
                if (value.Kind == BicepNodeKind.String)
                {
                    values[name] = new WrittenValue(value.Text, file, value.Offset, value.Length);
                }
            }
        }

        return values;
    }

    // Another file of the folder that does not parse is named when the audit reaches it; here it gives no values.
    private static HclBlock? TryParse(string file)
    {
        try
        {
            return HclParser.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Text.RegularExpressions;

namespace ModelAnalyzers.Cli.Infra;

/// <summary>
/// Azure OpenAI deployments in ARM JSON templates: <c>Microsoft.CognitiveServices/accounts/deployments</c> resources
/// (also nested under their account as <c>deployments</c>, and in inline nested templates), in a resources array or
/// the symbolic-name object of language version 2.0. Values are resolved through <c>parameters('...')</c> (a
/// parameters file beside the template, then the default) and <c>variables('...')</c> that hold literals; the
/// deployment's name is the last segment of <c>account/name</c>, also when built with <c>format</c> or <c>concat</c>.
/// </summary>
internal static class ArmDeployments
{
    private const string AccountType = "Microsoft.CognitiveServices/accounts";
    private const string DeploymentType = AccountType + "/deployments";

    // parameters('name') or variables('name'), the whole expression.
    private static readonly Regex Reference = new(@"^(?<kind>parameters|variables)\s*\(\s*'(?<name>[^']+)'\s*\)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>A JSON file is read as a template only when its schema says so (parameters files and others are not).</summary>
    public static bool IsTemplate(string text) =>
        text.Contains("deploymentTemplate.json", StringComparison.OrdinalIgnoreCase) && text.Contains(AccountType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A template Bicep compiled from a .bicep file beside it (azd's main.json) says the same as that file: reading
    /// both would report every deployment twice.
    /// </summary>
    public static bool IsCompiledFromBicepBeside(string path, BicepNode root) =>
        root["metadata"]?["_generator"]?["name"] is { Kind: BicepNodeKind.String, Text: "bicep" }
        && File.Exists(Path.ChangeExtension(path, ".bicep"));

    public static List<InfraDeployment> Find(string path, BicepNode root)
    {
        var found = new List<InfraDeployment>();
        var scope = new Scope(root, ParameterFile(path), path);
        Template(root, scope, found, 0);
        return found;
    }

    private static void Template(BicepNode template, Scope scope, List<InfraDeployment> found, int depth)
    {
        foreach (var resource in ResourcesOf(template))
        {
            Resource(resource, parentType: null, scope, found, depth);
        }
    }

    private static IEnumerable<BicepNode> ResourcesOf(BicepNode node) => node["resources"] switch
    {
        { Kind: BicepNodeKind.Array } array => array.Items,
        { Kind: BicepNodeKind.Object } symbolic => symbolic.Properties.Select(p => p.Value),
        _ => Enumerable.Empty<BicepNode>(),
    };

    private static void Resource(BicepNode resource, string? parentType, Scope scope, List<InfraDeployment> found, int depth)
    {
        if (resource.Kind != BicepNodeKind.Object || depth > 16)
        {
            return;
        }

        string type = resource["type"] is { Kind: BicepNodeKind.String } t ? t.Text : "";
        if (parentType is not null && !type.Contains('/'))
        {
            type = parentType + "/" + type;
        }

        if (string.Equals(type, DeploymentType, StringComparison.OrdinalIgnoreCase)
            && resource["properties"]?["model"] is { Kind: BicepNodeKind.Object } model && model["name"] is { } modelName)
        {
            var name = Resolve(resource["name"], scope, 0, isName: true);
            found.Add(new InfraDeployment(
                scope.Path,
                name?.Value is { } full ? full[(full.LastIndexOf('/') + 1)..] : null,
                Resolve(modelName, scope, 0)!,
                Resolve(model["version"], scope, 0),
                Resolve(resource["sku"]?["name"], scope, 0)?.Value,
                modelName.Offset));
        }

        foreach (var child in ResourcesOf(resource))
        {
            Resource(child, type, scope, found, depth + 1);
        }

        // An inline nested template: its parameters take the values the parent passes, else their defaults.
        if (string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
            && resource["properties"]?["template"] is { Kind: BicepNodeKind.Object } inner)
        {
            var passed = new Dictionary<string, WrittenValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in resource["properties"]?["parameters"]?.Properties ?? new())
            {
                if (Resolve(value["value"], scope, 0) is { Value: not null } given)
                {
                    passed[key] = given;
                }
            }

            Template(inner, new Scope(inner, passed, scope.Path), found, depth + 1);
        }
    }

    /// <summary>A literal, a parameter's value (given, or its default) or a variable's literal; the expression itself when none.</summary>
    private static WrittenValue? Resolve(BicepNode? node, Scope scope, int depth, bool isName = false)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == BicepNodeKind.String)
        {
            return new WrittenValue(node.Text, scope.Path, node.Offset, node.Length);
        }

        if (depth < 4 && node.Kind == BicepNodeKind.Expression)
        {
            var match = Reference.Match(node.Text);
            if (match.Success)
            {
                string name = match.Groups["name"].Value;
                if (match.Groups["kind"].Value.Equals("parameters", StringComparison.OrdinalIgnoreCase))
                {
                    if (scope.Given.TryGetValue(name, out var given))
                    {
                        return given;
                    }

                    if (Entry(scope.Template["parameters"], name)?["defaultValue"] is { } fallback)
                    {
                        return Resolve(fallback, scope, depth + 1);
                    }
                }
                else if (Entry(scope.Template["variables"], name) is { } variable)
                {
                    return Resolve(variable, scope, depth + 1);
                }
            }
            else if (isName && LastArgument(node.Text) is { } last)
            {
                // format('{0}/{1}', parameters('account'), 'chat') or concat(..., '/chat'): the last part names the deployment.
                var part = last.StartsWith('\'')
                    ? new BicepNode { Kind = BicepNodeKind.String, Text = last.Trim('\'').TrimStart('/'), Offset = node.Offset, Length = node.Length }
                    : new BicepNode { Kind = BicepNodeKind.Expression, Text = last, Offset = node.Offset, Length = node.Length };
                if (Resolve(part, scope, depth + 1) is { Value: not null } resolved)
                {
                    return resolved with { Offset = node.Offset, Length = node.Length };
                }
            }
        }

        return new WrittenValue(null, scope.Path, node.Offset, node.Length, node.Kind == BicepNodeKind.Expression ? "[" + node.Text + "]" : "(an object or array)");
    }

    private static BicepNode? Entry(BicepNode? section, string name) =>
        section?.Properties.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The last top-level argument of a format(...) or concat(...) call, as text.</summary>
    private static string? LastArgument(string expression)
    {
        int open = expression.IndexOf('(');
        if (open < 0 || !expression.EndsWith(')') || expression[..open].Trim() is not ("format" or "concat"))
        {
            return null;
        }

        int nesting = 0, lastComma = open;
        bool quoted = false;
        for (int i = open + 1; i < expression.Length - 1; i++)
        {
            char c = expression[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                nesting++;
            }
            else if (!quoted && c is ')' or ']')
            {
                nesting--;
            }
            else if (!quoted && c == ',' && nesting == 0)
            {
                lastComma = i;
            }
        }

        return expression[(lastComma + 1)..^1].Trim() is { Length: > 0 } last ? last : null;
    }

    /// <summary>Values a parameters file beside the template gives (azuredeploy.parameters.json for azuredeploy.json).</summary>
    private static Dictionary<string, WrittenValue> ParameterFile(string path) =>
        BicepDeployments.ParametersJson(Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileNameWithoutExtension(path) + ".parameters.json"));

    private sealed record Scope(BicepNode Template, Dictionary<string, WrittenValue> Given, string Path);
}

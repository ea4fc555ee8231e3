using System.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.Infra;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Cli;

/// <summary>
/// The Azure OpenAI deployments that the Bicep, ARM JSON and Terraform files under the audited folder declare, read
/// once before the projects are analyzed (their names judge the code's deployment-name sites), then judged by Azure's
/// calendar per model version and deployment type for the report's Deployments section and its findings. A value
/// the readers cannot resolve and a file they cannot read are notes; --fix moves the model name and version where
/// they are written, keeping the rest of each file.
/// </summary>
internal sealed class InfrastructureAudit
{
    public const string ProjectName = "(infrastructure)";

    // Each file read once: a value's line, its quoting and the fix all look at the same text.
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Encoding> _encodings = new(StringComparer.Ordinal);

    private InfrastructureAudit(string root) => Root = root;

    public string Root { get; }

    public List<InfraDeployment> Deployments { get; } = new();

    public List<ProjectNote> Notes { get; } = new();

    public static InfrastructureAudit Read(string entry)
    {
        string root = Directory.Exists(entry) ? entry : Path.GetDirectoryName(Path.GetFullPath(entry)) ?? ".";
        var audit = new InfrastructureAudit(root);
        foreach (string file in ProjectFolder.FilesUnder(root, IsInfrastructurePath))
        {
            try
            {
                audit.Deployments.AddRange(audit.ReadFile(file));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                audit.Notes.Add(new ProjectNote(RuleIds.InvalidOption, $"{file}: not read: {e.Message}"));
            }
        }

        return audit;
    }

    private static bool IsInfrastructurePath(string file) =>
        file.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase)
        || (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".parameters.json", StringComparison.OrdinalIgnoreCase));

    private List<InfraDeployment> ReadFile(string file)
    {
        if (file.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
        {
            return TerraformDeployments.Find(file, TextOf(file));
        }

        if (file.EndsWith(".bicep", StringComparison.OrdinalIgnoreCase))
        {
            return BicepDeployments.Find(file, TextOf(file));
        }

        // Any other JSON file is read only when its words say it is an ARM template with Cognitive Services accounts.
        string text = TextOf(file);
        if (!ArmDeployments.IsTemplate(text))
        {
            _texts.Remove(file);
            return new();
        }

        var root = ArmParser.Parse(text);
        return ArmDeployments.IsCompiledFromBicepBeside(file, root) ? new() : ArmDeployments.Find(file, root);
    }

    /// <summary>A file's text, read once; empty (and a note) when it cannot be read, and then it is never written.</summary>
    public string TextOf(string path)
    {
        if (!_texts.TryGetValue(path, out var known))
        {
            try
            {
                (known, _encodings[path]) = TextFile.Read(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Notes.Add(new ProjectNote(RuleIds.InvalidOption, $"{path}: not read: {e.Message}"));
                known = "";
            }

            _texts[path] = known;
        }

        return known;
    }

    /// <summary>The overlay's deployments map for what was read: each name with the model, version and type it runs, and where.</summary>
    public SortedDictionary<string, DeploymentTarget> Map()
    {
        var map = new SortedDictionary<string, DeploymentTarget>(StringComparer.Ordinal);
        foreach (var deployment in Deployments)
        {
            if (deployment.Name is { Length: > 0 } name && deployment.Model.Value is { } model && !map.ContainsKey(name))
            {
                var (line, _) = LineColumn(TextOf(deployment.File), deployment.Offset);
                map[name] = new DeploymentTarget(model, deployment.Version?.Value, deployment.Sku, $"{RelativePath.Of(Root, deployment.File)}:{line}");
            }
        }

        return map;
    }

    /// <summary>Judges every deployment, adds the Deployments rows, the findings and the notes to the report; the edits --fix makes.</summary>
    public List<FileChange> Report(AuditReport report, List<(Site Site, Verdict? Verdict)> inventory, AuditOptions options, ModelCatalog catalog)
    {
        var result = new ProjectResult { Name = ProjectName, Path = Root, FileGroup = "infrastructure files" };
        result.Notes.AddRange(Notes);
        var edits = new Dictionary<string, List<(int Offset, int Length, string Text)>>(StringComparer.Ordinal);
        foreach (var deployment in Deployments)
        {
            string name = deployment.Name is { } known ? $"'{known}'" : "(name not resolved)";
            var (declaredLine, _) = LineColumn(TextOf(deployment.File), deployment.Offset);
            if (deployment.Model.Value is not { } model)
            {
                var (unresolvedLine, unresolvedColumn) = LineColumn(TextOf(deployment.Model.File), deployment.Model.Offset);
                result.Notes.Add(new ProjectNote(RuleIds.InvalidOption, $"{deployment.Model.File}({unresolvedLine},{unresolvedColumn}): deployment {name}: the model name '{deployment.Model.Unresolved}' is not resolved from the files"));
                report.Deployments.Add(new DeploymentRow(deployment.File, declaredLine, deployment.Name, deployment.Model.Unresolved ?? "", deployment.Version?.Value, deployment.Sku, "not resolved", null, null, null, null, null));
                continue;
            }

            var verdict = AzureVersionJudge.Judge(catalog.Azure, catalog, model, deployment.Version?.Value, deployment.Sku, options.AsOf, windowDays: null);
            string? ruleId = verdict is null ? null : RuleIds.Of(verdict.Kind);
            var (line, column) = LineColumn(TextOf(deployment.Model.File), deployment.Model.Offset);
            string version = deployment.Version?.Value is { } v ? " " + v : "";
            string? target = verdict?.TargetModel is { } targetModel ? targetModel + (verdict.TargetVersion is { } tv ? " " + tv : "") : null;
            string? writtenAt = deployment.Model.File != deployment.File || line != declaredLine ? $"{deployment.Model.File}:{line}" : null;
            report.Deployments.Add(new DeploymentRow(
                deployment.File, declaredLine, deployment.Name, model, deployment.Version?.Value, deployment.Sku,
                StatusText(verdict, catalog.Azure.Find(model) is not null), verdict?.Date, target, verdict?.AzureSuggests, writtenAt, ruleId));

            string message = verdict is null ? "" : $"Azure deployment {name} runs {model}{version}: {verdict.Message}";
            var site = new Site(ruleId, model + version, target, result.Name, deployment.Model.File, line, column, message)
            {
                Shape = $"{deployment.Name}:{model}{version}",
            };
            // The inventory's verdict carries Azure's date (the models table's "Shutdown"), never OpenAI's for the same model.
            var info = catalog.Azure.Find(model) is { } azure ? catalog.Find(azure.OpenAI) : null;
            inventory.Add((site, verdict is null ? null : new Verdict(verdict.Kind, info ?? new ModelInfo(model, "chat"), message, Array.Empty<Offer>()) { Date = verdict.Date }));
            if (verdict is null)
            {
                continue;
            }

            report.Findings.Add(site);
            result.Count(ruleId!);
            if (options.Fix && verdict.TargetModel is { } moveTo && (options.FixModel is null || options.FixModel == model))
            {
                AddEdit(edits, deployment.Model, moveTo);
                if (deployment.Version is { Value: not null } written && verdict.TargetVersion is { } toVersion)
                {
                    AddEdit(edits, written, toVersion);
                }
            }
        }

        if (result.Counts.Count > 0 || result.Notes.Count > 0)
        {
            report.Projects.Add(result);
        }

        return Changes(edits);
    }

    public static string StatusText(AzureDeploymentVerdict? verdict, bool known) => verdict?.Status switch
    {
        AzureDeploymentStatus.Retired => "retired",
        AzureDeploymentStatus.NoNewDeployments => "no new deployments",
        AzureDeploymentStatus.Retiring => "retiring",
        _ => known ? "fine" : "not in Azure's data",
    };

    private List<FileChange> Changes(Dictionary<string, List<(int Offset, int Length, string Text)>> edits)
    {
        var changes = new List<FileChange>();
        foreach (var (file, fileEdits) in edits)
        {
            string before = TextOf(file);
            if (before.Length == 0)
            {
                continue; // not read: never written
            }

            var after = new StringBuilder(before);

            // Two deployments that share a parameter's default move it once, to the first one's target.
            foreach (var (offset, length, text) in fileEdits.GroupBy(e => e.Offset).Select(g => g.First()).Where(e => e.Offset + e.Length <= before.Length).OrderByDescending(e => e.Offset))
            {
                after.Remove(offset, length).Insert(offset, text);
            }

            changes.Add(new FileChange(file, before, after.ToString(), _encodings.GetValueOrDefault(file)));
        }

        return changes;
    }

    /// <summary>Replaces a written value in its own quoting (a Bicep '...' or a JSON or HCL "...").</summary>
    private void AddEdit(Dictionary<string, List<(int Offset, int Length, string Text)>> edits, WrittenValue written, string value)
    {
        if (!edits.TryGetValue(written.File, out var list))
        {
            edits[written.File] = list = new List<(int, int, string)>();
        }

        string text = TextOf(written.File);
        char quote = written.Offset < text.Length ? text[written.Offset] : '\'';
        list.Add((written.Offset, written.Length, quote is '"' or '\'' ? quote + value + quote : value));
    }

    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < Math.Min(offset, text.Length); i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}

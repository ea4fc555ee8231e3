using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Cli.EnvFiles;
using ModelAnalyzers.Cli.Usage;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers.Cli;

/// <summary>
/// One audit of a solution: loads its projects with MSBuild, prepares them as the package's build files would, asks
/// <see cref="ProjectAnalysis"/> for each project's findings and inventory and <see cref="AuditFixes"/> for the fixes,
/// then reads the environment and infrastructure files, and summarizes (<see cref="ModelSummaries"/>).
/// </summary>
internal sealed class Auditor
{

    // The deployments the infrastructure declares, as an overlay no file holds. Overlays merge in path order and '('
    // sorts before any rooted path, so a team's own overlay wins over it.
    private const string DeclaredOverlayName = "(infrastructure)" + CatalogOverlay.FileSuffix;

    private readonly AuditOptions _options;
    private readonly Progress _progress;

    // The catalog with the audited projects' overlays applied (the first project's), for pricing usage.
    private ModelCatalog? _catalog;

    public Auditor(AuditOptions options, Progress progress)
    {
        _options = options;
        _progress = progress;
    }

    /// <summary>The .sln, .slnx or .csproj to open: the path itself, or the one solution/project in a folder.</summary>
    public static string? ResolveEntry(string path)
    {
        if (File.Exists(path))
        {
            return System.IO.Path.GetFullPath(path);
        }

        if (!Directory.Exists(path))
        {
            return null;
        }

        foreach (var pattern in new[] { "*.sln", "*.slnx", "*.csproj" })
        {
            var found = Directory.GetFiles(path, pattern);
            if (found.Length == 1)
            {
                return System.IO.Path.GetFullPath(found[0]);
            }
        }

        return null;
    }

    public async Task<(AuditReport Report, IReadOnlyList<FileChange> Changes)> RunAsync(string entry, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        var loadErrors = new List<string>();
        // The event, obsolete in Roslyn 5 for RegisterWorkspaceFailedHandler, is all the net8.0 build's Roslyn 4.14 has.
#pragma warning disable CS0618
        workspace.WorkspaceFailed += (_, e) =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                loadErrors.Add(e.Diagnostic.Message);
            }
        };
#pragma warning restore CS0618

        _progress.Report($"loading {System.IO.Path.GetFileName(entry)}");

        // While MSBuild loads the projects (a build host process), the other core compiles the compiler's and the
        // analyzers' code paths: on a small solution that start-up is most of the audit's time (docs/performance.md).
        var warmUp = Task.Run(ProjectAnalysis.WarmUp, cancellationToken);
        var unloaded = new List<ProjectResult>();
        Solution solution = await SolutionLoader.OpenAsync(workspace, entry, unloaded, cancellationToken).ConfigureAwait(false);

        var report = new AuditReport
        {
            Path = entry,
            AsOf = _options.AsOf,
            MonthlyInputTokens = _options.MonthlyInputTokens,
            MonthlyOutputTokens = _options.MonthlyOutputTokens,
        };
        report.Projects.AddRange(unloaded);
        var projectIds = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).Select(p => p.Id).ToList();
        foreach (var id in projectIds)
        {
            solution = Prepare(solution.GetProject(id)!).Solution;
        }

        _progress.Report($"loaded {projectIds.Count} project(s)");
        await warmUp.ConfigureAwait(false);

        // Read before the projects: the deployments it declares judge the code's deployment names (an in-memory overlay).
        var infrastructure = InfrastructureAudit.Read(entry);
        if (infrastructure.Map() is { Count: > 0 } declared)
        {
            foreach (var id in projectIds)
            {
                solution = solution.GetProject(id)!.AddAdditionalDocument(DeclaredOverlayName, SourceText.From(Infra.DeploymentOverlay.Write(declared, null)), filePath: DeclaredOverlayName).Project.Solution;
            }
        }
        var inventory = new List<(Site Site, Verdict? Verdict)>();
        var asOfDates = new HashSet<DateTime>();
        var edits = new Dictionary<DocumentId, List<TextChange>>();
        var judgements = new List<ModelJudgements>();
        // A multi-targeted project loads once per target framework ("App(net8.0)", "App(net10.0)"): it is one row of
        // the report, and a site its frameworks share is one finding (the build reports it once per framework).
        foreach (var flavors in projectIds.Select(id => solution.GetProject(id)!).GroupBy(p => p.FilePath ?? p.Id.ToString(), StringComparer.Ordinal))
        {
            var first = flavors.First();
            var result = new ProjectResult
            {
                Name = flavors.Count() > 1 && first.FilePath is { } file ? System.IO.Path.GetFileNameWithoutExtension(file) : first.Name,
                Path = first.FilePath ?? first.Name,
            };
            report.Projects.Add(result);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var project in flavors)
            {
                await AuditProjectAsync(project, result, reported, loadErrors, report, inventory, asOfDates, edits, judgements, cancellationToken).ConfigureAwait(false);
            }
        }

        // An .editorconfig's model_analyzers.as_of_date wins over the command's date, as it does in a build: report what was used.
        if (asOfDates.Count > 0)
        {
            report.AsOf = asOfDates.Max();
        }

        var environmentChanges = EnvironmentAudit.Run(entry, judgements, report, inventory, _options);
        environmentChanges.AddRange(infrastructure.Report(report, inventory, _options, _catalog ?? ModelCatalog.BuiltIn));
        report.DataAsOf = (_catalog ?? ModelCatalog.BuiltIn).AsOf;
        ModelSummaries.Summarize(report, inventory, _options.FixTarget);
        if (_options.UsageFiles.Count > 0)
        {
            UsagePricing.Apply(report, _options.UsageFiles, _catalog ?? ModelCatalog.BuiltIn, _progress);
        }
        var changes = (await AuditFixes.ChangesAsync(solution, edits, cancellationToken).ConfigureAwait(false)).Concat(environmentChanges).ToList();
        return (report, changes);
    }

    /// <summary>
    /// One project (one target framework of it): its diagnostics (findings and notes) and inventory entries that
    /// <paramref name="reported"/> has not seen from another of its frameworks, its judgements, and with --fix its edits.
    /// </summary>
    private async Task AuditProjectAsync(Project project, ProjectResult result, HashSet<string> reported, List<string> loadErrors, AuditReport report,
        List<(Site Site, Verdict? Verdict)> inventory, HashSet<DateTime> asOfDates, Dictionary<DocumentId, List<TextChange>> edits, List<ModelJudgements> judgements,
        CancellationToken cancellationToken)
    {
        // A framework's failure names the framework when the project has several.
        void Fail(string why) => result.Error ??= project.Name == result.Name ? why : $"{project.Name}: {why}";
        try
        {
            _progress.Report($"analyzing {project.Name} ({project.DocumentIds.Count} documents)");
            if (LoadErrorsOf(loadErrors, project) is { Length: > 0 } why)
            {
                // Invalid XML, an SDK that does not resolve, ...: MSBuild's own reason, not a guess about restore.
                Fail("the project did not load" + why);
                return;
            }

            if (!IsRestored(project))
            {
                // MSBuildWorkspace does not restore: without the packages the SDK types are missing and every site would look fine.
                Fail("not restored: run 'dotnet restore' first");
                return;
            }

            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null || !compilation.References.Any())
            {
                Fail("the project did not load" + LoadErrorsOf(loadErrors, project));
                return;
            }

            foreach (var reference in project.AnalyzerReferences)
            {
                if (NewerCompilerGenerators.NoteFor(reference) is { } note && reported.Add($"{NewerCompilerGenerators.NoteId}|{note}"))
                {
                    result.Count(NewerCompilerGenerators.NoteId);
                    result.Notes.Add(new ProjectNote(NewerCompilerGenerators.NoteId, note));
                }
            }

            var diagnostics = await ProjectAnalysis.AnalyzeAsync(project, compilation, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                var position = diagnostic.Location.GetMappedLineSpan();
                string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                if (!reported.Add($"{diagnostic.Id}|{position.Path}|{position.Span}|{message}"))
                {
                    continue;
                }

                result.Count(diagnostic.Id);
                if (string.IsNullOrEmpty(position.Path))
                {
                    result.Notes.Add(new ProjectNote(diagnostic.Id, message));
                }
                else
                {
                    report.Findings.Add(ToSite(diagnostic, result.Name));
                }
            }

            inventory.AddRange(ProjectAnalysis.Inventory(project, result.Name, compilation, asOfDates, cancellationToken)
                .Where(entry => reported.Add($"site|{entry.Site.File}|{entry.Site.Line}|{entry.Site.Column}|{entry.Site.Model}")));
            if (ModelJudgements.For(compilation, project.AnalyzerOptions, cancellationToken) is { } judged)
            {
                _catalog ??= judged.Catalog;
                judgements.Add(judged);
            }

            if (_options.Fix)
            {
                await AuditFixes.FixAsync(project, diagnostics, edits, _options, _progress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static bool IsRestored(Project project) =>
        project.FilePath is not { } path || File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "obj", "project.assets.json"));

    private static string LoadErrorsOf(List<string> errors, Project project)
    {
        var mine = errors.Where(e => project.FilePath is { } path && e.Contains(System.IO.Path.GetFileName(path), StringComparison.OrdinalIgnoreCase)).ToList();
        return mine.Count == 0 ? "" : ": " + string.Join("; ", mine);
    }

    /// <summary>
    /// What the package's build files would give the compiler: the as-of date, the monthly volumes and the
    /// appsettings files, for projects that do not reference the package (yet).
    /// </summary>
    private Project Prepare(Project project)
    {
        // The audit's date must beat the build date the package's props give the compiler (its generated global config
        // has level 0), while an explicit model_analyzers.as_of_date in the team's .editorconfig still wins over both.
        bool razor = project.AdditionalDocuments.Any(d => d.FilePath is { } file && (file.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase)));
        project = project.WithAnalyzerReferences(project.AnalyzerReferences.Where(r => !PlatformAnalyzers.IsPlatform(r, keepRazor: razor)));
        string directory = System.IO.Path.GetDirectoryName(project.FilePath) ?? ".";
        string asOf = string.Create(CultureInfo.InvariantCulture, $"is_global = true\nglobal_level = 1\nbuild_property.ModelAnalyzersAsOfDate = {_options.AsOf:yyyy-MM-dd}\n");
        project = project.AddAnalyzerConfigDocument(".model-audit-date.globalconfig", SourceText.From(asOf), filePath: System.IO.Path.Combine(directory, ".model-audit-date.globalconfig")).Project;

        // Volumes at the lowest level: the team's own configuration wins.
        var config = new System.Text.StringBuilder("is_global = true\nglobal_level = -1\n");
        if (_options.MonthlyInputTokens is long input)
        {
            config.Append(CultureInfo.InvariantCulture, $"model_analyzers.monthly_input_tokens = {input}\n");
        }

        if (_options.MonthlyOutputTokens is long output)
        {
            config.Append(CultureInfo.InvariantCulture, $"model_analyzers.monthly_output_tokens = {output}\n");
        }

        project = project.AddAnalyzerConfigDocument(".model-audit.globalconfig", SourceText.From(config.ToString()), filePath: System.IO.Path.Combine(directory, ".model-audit.globalconfig")).Project;
        var settingsFiles = Directory.Exists(directory) ? Directory.GetFiles(directory, "appsettings*.json").ToList() : new List<string>();
        if (File.Exists(System.IO.Path.Combine(directory, "Properties", "launchSettings.json")))
        {
            settingsFiles.Add(System.IO.Path.Combine(directory, "Properties", "launchSettings.json"));
        }

        settingsFiles.AddRange(PromptFilesUnder(directory));

        foreach (var settings in settingsFiles)
        {
            if (!project.AdditionalDocuments.Any(d => string.Equals(d.FilePath, settings, StringComparison.Ordinal)))
            {
                project = project.AddAdditionalDocument(System.IO.Path.GetFileName(settings), SourceText.From(File.ReadAllText(settings)), filePath: settings).Project;
            }
        }

        return project;
    }

    /// <summary>What the package's targets add: .prompty and YAML files, and the config.json beside each skprompt.txt.</summary>
    private static IEnumerable<string> PromptFilesUnder(string directory) =>
        ProjectFolder.FilesUnder(directory, file =>
            System.IO.Path.GetFileName(file).Equals("config.json", StringComparison.OrdinalIgnoreCase)
                ? File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "skprompt.txt"))
                : PromptFiles.IsPromptPath(file));

    private static Site ToSite(Diagnostic diagnostic, string project)
    {
        var position = diagnostic.Location.GetMappedLineSpan();
        string? model = FixData.ReadModel(diagnostic.Properties);
        string? target = FixData.ReadOffers(diagnostic.Properties).Select(o => o.Target).FirstOrDefault();
        return new Site(diagnostic.Id, model ?? "", target, project, position.Path, position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1, diagnostic.GetMessage(CultureInfo.InvariantCulture))
        {
            Shape = ShapeOf(diagnostic.Location, position),
        };
    }

    /// <summary>
    /// The code a finding stands in, without white space, for its baseline fingerprint: in C# the simple statement or
    /// declaration that holds it (else the outermost expression inside its statement), so that moving, re-indenting or
    /// wrapping the code keeps the shape; in an additional file (appsettings) its line.
    /// </summary>
    private static string ShapeOf(Location location, FileLinePositionSpan position)
    {
        string? text = null;
        if (location.SourceTree is { } tree)
        {
            SyntaxNode? shape = null;
            foreach (var node in tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf())
            {
                if (node is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or FieldDeclarationSyntax
                    or PropertyDeclarationSyntax or AttributeSyntax)
                {
                    shape = node;
                    break;
                }

                if (node is StatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax)
                {
                    break; // an if, a loop, a method: too much to stand for one finding
                }

                if (node is ExpressionSyntax)
                {
                    shape = node;
                }
            }

            text = shape?.ToString();
        }
        else if (File.Exists(position.Path))
        {
            text = File.ReadLines(position.Path).Skip(position.StartLinePosition.Line).FirstOrDefault();
        }

        return string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
    }
}

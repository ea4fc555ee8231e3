using ModelAnalyzers.Cli.Usage;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.PerCompilation;
using ModelAnalyzers.Cli.EnvFiles;
using ModelAnalyzers.Settings;

namespace ModelAnalyzers.Cli;

internal sealed class Auditor
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Exported<DiagnosticAnalyzer>(typeof(ModelLifecycleAnalyzer).Assembly);
    private static readonly ImmutableArray<CodeFixProvider> Fixers = Exported<CodeFixProvider>(typeof(UseModelCodeFixProvider).Assembly);

    // The deployments the infrastructure declares, as an overlay no file holds. Overlays merge in path order and '('
    // sorts before any rooted path, so a team's own overlay wins over it.
    private const string DeclaredOverlayName = "(infrastructure)" + CatalogOverlay.FileSuffix;

    // Not a rule of an analyzer (no release tracking): the audit's note for an analyzer that threw, with the id the
    // compiler's driver gives it.
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor AnalyzerFailed = new("AD0001", "An analyzer threw an exception",
        "Analyzer '{0}' threw an exception on {1}: {2}: {3}; its findings in that file are missing", "ModelAnalyzers", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

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
        workspace.WorkspaceFailed += (_, e) =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                loadErrors.Add(e.Diagnostic.Message);
            }
        };

        _progress.Report($"loading {System.IO.Path.GetFileName(entry)}");

        // While MSBuild loads the projects (a build host process), the other core compiles the compiler's and the
        // analyzers' code paths: on a small solution that start-up is most of the audit's time (docs/performance.md).
        var warmUp = Task.Run(WarmUp, cancellationToken);
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
        foreach (var id in projectIds)
        {
            await AuditProjectAsync(solution.GetProject(id)!, loadErrors, report, inventory, asOfDates, edits, judgements, cancellationToken).ConfigureAwait(false);
        }

        // An .editorconfig's model_analyzers.as_of_date wins over the command's date, as it does in a build: report what was used.
        if (asOfDates.Count > 0)
        {
            report.AsOf = asOfDates.Max();
        }

        var environmentChanges = EnvironmentAudit.Run(entry, judgements, report, inventory, _options);
        environmentChanges.AddRange(infrastructure.Report(report, inventory, _options, _catalog ?? ModelCatalog.BuiltIn));
        report.DataAsOf = (_catalog ?? ModelCatalog.BuiltIn).AsOf;
        Summarize(report, inventory);
        if (_options.UsageFiles.Count > 0)
        {
            UsagePricing.Apply(report, _options.UsageFiles, _catalog ?? ModelCatalog.BuiltIn, _progress);
        }
        var changes = (await ChangesAsync(solution, edits, cancellationToken).ConfigureAwait(false)).Concat(environmentChanges).ToList();
        return (report, changes);
    }

    /// <summary>
    /// Parses the catalogs, binds a small compilation and runs the analyzers' per-file work on it, so that the
    /// compiler's, the metadata reader's and the analyzers' code is compiled before the projects arrive: nothing of it
    /// is kept. Its client type is declared in the source, as no SDK is at hand yet; the site map finds it by name.
    /// </summary>
    private static void WarmUp()
    {
        const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            namespace OpenAI.Chat { public class ChatClient { public ChatClient(string model, string apiKey) { } } }

            static class WarmUp
            {
                const string Model = "gpt-4";

                static string Pick(string model) => model;

                static async Task<object> MakeAsync(IReadOnlyList<string> models)
                {
                    await Task.Yield();
                    var names = models.Where(m => m.StartsWith("gpt", StringComparison.Ordinal)).Select(m => $"{m}!").ToList();
                    var prices = new Dictionary<string, decimal> { ["gpt-4"] = 30m };
                    return new OpenAI.Chat.ChatClient(Pick(Model), names.Count > prices.Count ? "key" : Model);
                }
            }
            """;
        try
        {
            _ = ModelCatalog.BuiltIn.Models.Count + AzureCatalog.BuiltIn.Models.Count;
            var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(System.IO.Path.PathSeparator)
                .Where(p => System.IO.Path.GetFileNameWithoutExtension(p) is "System.Private.CoreLib" or "System.Runtime" or "System.Linq" or "System.Collections")
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("warm-up", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Source) },
                platform, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _ = compilation.GetDiagnostics();
            _ = FindingsIn(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), compilation.SyntaxTrees, CancellationToken.None);
        }
        catch (Exception)
        {
            // Only a head start: the audit itself does the same work again and reports any problem there.
        }
    }

    /// <summary>One project: its diagnostics (findings and notes), its inventory, its judgements, and with --fix its edits.</summary>
    private async Task AuditProjectAsync(Project project, List<string> loadErrors, AuditReport report, List<(Site Site, Verdict? Verdict)> inventory,
        HashSet<DateTime> asOfDates, Dictionary<DocumentId, List<TextChange>> edits, List<ModelJudgements> judgements, CancellationToken cancellationToken)
    {
        var result = new ProjectResult { Name = project.Name, Path = project.FilePath ?? project.Name };
        report.Projects.Add(result);
        try
        {
            _progress.Report($"analyzing {project.Name} ({project.DocumentIds.Count} documents)");
            if (LoadErrorsOf(loadErrors, project) is { Length: > 0 } why)
            {
                // Invalid XML, an SDK that does not resolve, ...: MSBuild's own reason, not a guess about restore.
                result.Error = "the project did not load" + why;
                return;
            }

            if (!IsRestored(project))
            {
                // MSBuildWorkspace does not restore: without the packages the SDK types are missing and every site would look fine.
                result.Error = "not restored: run 'dotnet restore' first";
                return;
            }

            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null || !compilation.References.Any())
            {
                result.Error = "the project did not load" + LoadErrorsOf(loadErrors, project);
                return;
            }

            var diagnostics = await AnalyzeAsync(project, compilation, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics)
            {
                result.Counts[diagnostic.Id] = result.Counts.TryGetValue(diagnostic.Id, out int n) ? n + 1 : 1;
                if (string.IsNullOrEmpty(diagnostic.Location.GetLineSpan().Path))
                {
                    result.Notes.Add(new ProjectNote(diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                }
                else
                {
                    report.Findings.Add(ToSite(diagnostic, project));
                }
            }

            inventory.AddRange(Inventory(project, compilation, asOfDates, cancellationToken));
            if (ModelJudgements.For(compilation, project.AnalyzerOptions, cancellationToken) is { } judged)
            {
                _catalog ??= judged.Catalog;
                judgements.Add(judged);
            }

            if (_options.Fix)
            {
                await FixAsync(project, diagnostics, edits, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result.Error = $"{e.GetType().Name}: {e.Message}";
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
        project = project.WithAnalyzerReferences(project.AnalyzerReferences.Where(r => !PlatformAnalyzers.IsPlatform(r)));
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

    /// <summary>
    /// The package's diagnostics for the project, as its build reports them. Each analyzer's own per-file work
    /// (<see cref="PackageAnalyzer.FileAnalysisFor"/>, what the build's driver runs on every file) runs on the files
    /// whose words and syntax can hold a finding (<see cref="ModelJudgements.MayReportIn"/>), and binds only what its
    /// walk asks: well under 1% of a monorepo's files mention a model, and the driver's per-file analysis binds every
    /// method body (docs/performance.md). Roslyn's own filter then gives each finding the severity the build's
    /// configuration gives it and drops what #pragma or [SuppressMessage] suppress. Additional files go through the
    /// driver, and MDL0900/MDL0902 come from the analyzer's own compilation-end function.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, Compilation compilation, CancellationToken cancellationToken)
    {
        var analyzerOptions = project.AnalyzerOptions;
        var judgements = ModelJudgements.For(compilation, analyzerOptions, cancellationToken);
        if (judgements is null && !CompilationMaps.ReferencesKeySdk(compilation)
            && !analyzerOptions.AdditionalFiles.Any(f => AppSettingsScanner.IsSettingsFile(f, analyzerOptions.AnalyzerConfigOptionsProvider)))
        {
            // No model SDK, no key SDK, no settings file: nothing the package reports can be there.
            return ImmutableArray<Diagnostic>.Empty;
        }

        // Without a model SDK only key sites remain, whose walk returns at once unless some file holds "sk-".
        var all = FindingsIn(compilation, analyzerOptions, compilation.SyntaxTrees.Where(t => judgements?.MayReportIn(t, cancellationToken) ?? true), cancellationToken);
        var options = new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var analysis = compilation.WithAnalyzers(Analyzers, options);
        foreach (var file in analyzerOptions.AdditionalFiles)
        {
            all.AddRange((await analysis.GetAnalysisResultAsync(file, Analyzers, cancellationToken).ConfigureAwait(false)).GetAllDiagnostics());
        }

        if (judgements is not null)
        {
            // MDL0900 and MDL0902 without a whole-compilation analysis, with the severity the build's configuration gives them.
            all.AddRange(CompilationWithAnalyzers.GetEffectiveDiagnostics(ModelLifecycleAnalyzer.CompilationDiagnostics(judgements), compilation));
        }

        return all.DistinctBy(d => (d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan, d.Id == AnalyzerFailed.Id ? d.GetMessage(CultureInfo.InvariantCulture) : null))
            .Where(d => (d.Id.StartsWith("MDL", StringComparison.Ordinal) || d.Id == AnalyzerFailed.Id) && d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>
    /// What the package's analyzers report from the given files (in them or in another file, such as a shared const's),
    /// configured and suppressed as the build's driver does: severities from .editorconfig, globalconfig and NoWarn;
    /// #pragma and [SuppressMessage] where a finding lies.
    /// </summary>
    private static List<Diagnostic> FindingsIn(Compilation compilation, AnalyzerOptions options, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var analyses = new List<(string Analyzer, FileAnalysis Work)>();
        foreach (var analyzer in Analyzers.OfType<PackageAnalyzer>())
        {
            if (analyzer.FileAnalysisFor(compilation, options, cancellationToken) is { } work)
            {
                analyses.Add((analyzer.GetType().Name, work));
            }
        }

        return FindingsIn(compilation, options, trees, analyses, cancellationToken);
    }

    /// <summary>
    /// <see cref="FindingsIn(Compilation, AnalyzerOptions, IEnumerable{SyntaxTree}, CancellationToken)"/> with the
    /// analyses given. An analysis that throws on a file is named in an AD0001 note, as the build's driver names it, and
    /// the other files and analyses still report.
    /// </summary>
    internal static List<Diagnostic> FindingsIn(Compilation compilation, AnalyzerOptions options, IEnumerable<SyntaxTree> trees,
        IReadOnlyList<(string Analyzer, FileAnalysis Work)> analyses, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentQueue<Diagnostic>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Diagnostic>();
        Parallel.ForEach(trees, new ParallelOptions { CancellationToken = cancellationToken }, tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var (analyzer, work) in analyses)
            {
                try
                {
                    work.Run(model, options, found.Enqueue, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failures.Enqueue(Diagnostic.Create(AnalyzerFailed, Location.None, analyzer, System.IO.Path.GetFileName(tree.FilePath), e.GetType().Name, e.Message));
                }
            }
        });

        // Roslyn's filter marks what #pragma and [SuppressMessage] suppress rather than dropping it.
        return CompilationWithAnalyzers.GetEffectiveDiagnostics(found, compilation).Where(d => !d.IsSuppressed).Concat(failures).ToList();
    }

    /// <summary>Every model literal (fine ones too) from the analyzers' own site walk and settings scan.</summary>
    private static IEnumerable<(Site, Verdict?)> Inventory(Project project, Compilation compilation, HashSet<DateTime> asOfDates, CancellationToken cancellationToken)
    {
        var found = new List<(Site, Verdict?)>();
        if (ModelJudgements.For(compilation, project.AnalyzerOptions, cancellationToken) is not { } judgements)
        {
            return found;
        }

        void Add(JudgedValue judged)
        {
            asOfDates.Add(judged.AsOf);
            var position = judged.Location.GetLineSpan();
            var verdict = judged.Verdict;
            found.Add((new Site(RuleOf(verdict), judged.Value, verdict?.Offers.FirstOrDefault()?.Target.Id, project.Name, position.Path,
                position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1, verdict?.Message ?? ""), verdict));
        }

        // The analyzers' own walk, judgements and settings reading: the inventory lists fine models too, which the
        // analyzers do not report. A value reached from several trees (a shared const, a linked setting) is listed once.
        var seen = new HashSet<(object Source, Microsoft.CodeAnalysis.Text.TextSpan Span)>();
        // Generated files are left out as the findings leave them out (HandWrittenCode).
        foreach (var tree in compilation.SyntaxTrees.Where(t => judgements.MayReportIn(t, cancellationToken) && HandWrittenCode.Holds(t, project.AnalyzerOptions, cancellationToken)))
        {
            foreach (var judged in judgements.Inventory(compilation.GetSemanticModel(tree), cancellationToken))
            {
                if (seen.Add(judged.Key))
                {
                    Add(judged);
                }
            }
        }

        foreach (var file in project.AnalyzerOptions.AdditionalFiles)
        {
            foreach (var judged in judgements.SettingsFindings(file).Concat(judgements.PromptFindings(file)))
            {
                Add(judged);
            }
        }

        return found;
    }

    private static Site ToSite(Diagnostic diagnostic, Project project)
    {
        var position = diagnostic.Location.GetLineSpan();
        string? model = FixData.ReadModel(diagnostic.Properties);
        string? target = FixData.ReadOffers(diagnostic.Properties).Select(o => o.Target).FirstOrDefault();
        return new Site(diagnostic.Id, model ?? "", target, project.Name, position.Path, position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1, diagnostic.GetMessage(CultureInfo.InvariantCulture))
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

    /// <summary>Per model: sites, projects, the most severe status, the suggested target and the price change.</summary>
    private void Summarize(AuditReport report, List<(Site Site, Verdict? Verdict)> inventory)
    {
        foreach (var group in inventory.GroupBy(i => i.Site.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Sites outside the compilation (deployments, environment files) carry their rule on the site itself.
            var worst = group.OrderBy(i => Severity(RuleOf(i.Verdict) ?? i.Site.RuleId)).First();
            var summary = new ModelSummary { Model = group.Key, Status = StatusOf(RuleOf(worst.Verdict) ?? worst.Site.RuleId), Sites = group.Count(), Target = worst.Site.Target };
            summary.Projects.UnionWith(group.Select(i => i.Site.Project));
            foreach (var byProject in group.GroupBy(i => i.Site.Project, StringComparer.Ordinal))
            {
                summary.SitesByProject[byProject.Key] = byProject.Count();
            }
            if (worst.Verdict is { } verdict)
            {
                summary.ShutdownOn = (verdict.Date ?? verdict.Model.ShutdownOn) is DateTime shutdown ? ModelCatalog.FormatDate(shutdown) : null;
                var offer = verdict.Offers.FirstOrDefault(o => o.Target.Id == _options.FixTarget) ?? verdict.Offers.FirstOrDefault();
                summary.Target = offer?.Target.Id ?? summary.Target;
                // The analyzers' own price change: overlays and the configured token volumes applied, as in the message.
                if (offer?.Price is { } change)
                {
                    summary.InputPriceChangePercent = Percent(-change.InputSaving);
                    summary.OutputPriceChangePercent = Percent(-change.OutputSaving);
                    summary.BlendedSavingPercent = Percent(change.BlendedSaving);
                    summary.MonthlySavingUsd = change.MonthlySaving is double monthly ? Math.Round(monthly, 2) : null;
                }
            }

            report.Models.Add(summary);
        }
    }

    internal static string? RuleOf(Verdict? verdict) => verdict is null ? null : RuleIds.Of(verdict.Kind);

    private static double? Percent(double? fraction) => fraction is double f ? Math.Round(f * 100, 1) : null;

    private static int Severity(string? ruleId) => ruleId switch
    {
        RuleIds.Retired => 0,
        RuleIds.Deprecated => 1,
        RuleIds.Misspelled => 2,
        RuleIds.Costlier => 3,
        _ => 4,
    };

    public static string StatusOf(string? ruleId) => ruleId switch
    {
        RuleIds.Retired => "retired",
        RuleIds.Deprecated => "deprecated",
        RuleIds.Costlier => "costlier",
        RuleIds.Misspelled => "misspelled",
        _ => "fine",
    };

    /// <summary>
    /// Runs the package's Fix All over the project: each site to the chosen target, or to its own first offer. Every
    /// group is computed on the same texts, so its edits are collected as text changes and applied together.
    /// </summary>
    private async Task FixAsync(Project project, ImmutableArray<Diagnostic> diagnostics, Dictionary<DocumentId, List<TextChange>> edits, CancellationToken cancellationToken)
    {
        var byTarget = diagnostics
            .Where(d => d.Id is RuleIds.Retired or RuleIds.Deprecated or RuleIds.Costlier)
            .Select(d => (Diagnostic: d, Target: _options.FixTargetFor(FixData.ReadModel(d.Properties), Offers(d))))
            .Where(x => x.Target is not null)
            .GroupBy(x => x.Target!, StringComparer.Ordinal);
        var provider = Fixers.OfType<UseModelCodeFixProvider>().Single();
        foreach (var group in byTarget)
        {
            _progress.Report($"fixing {group.Count()} site(s) in {project.Name} -> {group.Key}");
            if (project.Documents.FirstOrDefault() is not { } anyDocument)
            {
                continue;
            }

            var context = new FixAllContext(
                anyDocument, provider, FixAllScope.Project, UseModelCodeFixProvider.EquivalenceKeyPrefix + group.Key,
                group.Select(x => x.Diagnostic.Id).Distinct(), new KnownDiagnostics(group.Select(x => x.Diagnostic).ToImmutableArray()), cancellationToken);
            if (await provider.GetFixAllProvider().GetFixAsync(context).ConfigureAwait(false) is not { } action)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is not ApplyChangesOperation apply)
                {
                    continue;
                }

                foreach (var changedId in apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments().Concat(c.GetChangedAdditionalDocuments())))
                {
                    if (!edits.TryGetValue(changedId, out var list))
                    {
                        edits[changedId] = list = new List<TextChange>();
                    }

                    // Minimal changes (a syntax diff for C#), so that the groups' edits of one file do not overlap.
                    if (apply.ChangedSolution.GetDocument(changedId) is { } changedDocument)
                    {
                        list.AddRange(await changedDocument.GetTextChangesAsync(project.Solution.GetDocument(changedId)!, cancellationToken).ConfigureAwait(false));
                    }
                    else
                    {
                        var before = await TextDocumentOf(project.Solution, changedId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        var after = await TextDocumentOf(apply.ChangedSolution, changedId)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        list.AddRange(after.GetTextChanges(before));
                    }
                }
            }
        }
    }

    /// <summary>The new text of every file the fixes touch (overlapping edits: the first wins; identical ones merge).</summary>
    private static async Task<IReadOnlyList<FileChange>> ChangesAsync(Solution solution, Dictionary<DocumentId, List<TextChange>> edits, CancellationToken cancellationToken)
    {
        var changes = new List<FileChange>();
        foreach (var (id, list) in edits)
        {
            if (TextDocumentOf(solution, id) is not { FilePath: { } path } document)
            {
                continue;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var accepted = new List<TextChange>();
            foreach (var change in list.Distinct().OrderBy(c => c.Span.Start))
            {
                if (accepted.Count == 0 || accepted[^1].Span.End <= change.Span.Start)
                {
                    accepted.Add(change);
                }
            }

            changes.Add(new FileChange(path, text.ToString(), text.WithChanges(accepted).ToString(), text.Encoding));
        }

        return changes.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    private static TextDocument? TextDocumentOf(Solution solution, DocumentId id) =>
        (TextDocument?)solution.GetDocument(id) ?? solution.GetAdditionalDocument(id);

    private static List<string> Offers(Diagnostic diagnostic) => FixData.ReadOffers(diagnostic.Properties).Select(o => o.Target).ToList();

    private static ImmutableArray<T> Exported<T>(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Hands Fix All the diagnostics the audit already computed.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}

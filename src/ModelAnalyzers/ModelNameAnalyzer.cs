using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;
using ModelAnalyzers.Settings;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers;

/// <summary>
/// MDL0001-MDL0003: finds model ids that reach an SDK model site and reports retired, deprecated and costlier ones.
/// Pipeline: <see cref="SiteIndex"/> (which member takes a model) -> <see cref="ModelValueResolver"/> (which literals
/// reach it) -> <see cref="ModelJudge"/> (what the model deserves) -> a diagnostic on the literal, carrying the offered
/// targets for the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.Retired, Rules.Deprecated, Rules.Costlier, Rules.Misspelled, Rules.HardCodedKey, Rules.InvalidOption, Rules.InvalidOverlay);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Keys pasted into appsettings leak whichever client reads them, so this check needs no SDK reference.
            if (start.Options.AdditionalFiles.Any(f => AppSettingsScanner.IsAppSettingsPath(f.Path)))
            {
                start.RegisterAdditionalFileAction(ReportKeysInAppSettings);
            }

            // No SDK referenced: register nothing else, so such projects pay (almost) nothing.
            var sites = SiteIndex.Create(start.Compilation);
            if (sites is null)
            {
                return;
            }

            // Overlays are parsed once per compilation; without any, the built-in catalog is shared as is.
            var overlayProblems = new List<OverlayProblem>();
            var catalog = LoadCatalog(start.Options.AdditionalFiles, overlayProblems, start.CancellationToken);
            if (overlayProblems.Count > 0)
            {
                start.RegisterAdditionalFileAction(file => ReportOverlayProblems(file, overlayProblems));
            }

            var analysis = new CompilationAnalysis(sites, catalog, start.Options.AnalyzerConfigOptionsProvider);

            // A semantic-model action rather than operation actions: Roslyn treats a diagnostic as local only when it
            // lies inside the code being analyzed, and a const declared elsewhere in the file is outside an operation's
            // span. Local diagnostics are what the IDE shows as you type and what its light bulb can fix.
            start.RegisterSemanticModelAction(analysis.AnalyzeDocument);
            start.RegisterCompilationEndAction(analysis.ReportConfigurationProblems);
        });
    }

    private static ModelCatalog LoadCatalog(ImmutableArray<AdditionalText> additionalFiles, List<OverlayProblem> problems, CancellationToken cancellationToken)
    {
        var overlays = new List<(string Path, SourceText Text)>();
        foreach (var file in additionalFiles)
        {
            if (CatalogOverlay.IsOverlayPath(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                overlays.Add((file.Path, text));
            }
        }

        return overlays.Count == 0 ? ModelCatalog.BuiltIn : CatalogOverlay.Apply(ModelCatalog.BuiltIn, overlays, problems);
    }

    private static void ReportKeysInAppSettings(AdditionalFileAnalysisContext context)
    {
        if (!AppSettingsScanner.IsAppSettingsPath(context.AdditionalFile.Path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var setting in AppSettingsScanner.FindApiKeys(text.ToString()))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedKey, LocationIn(context.AdditionalFile.Path, text, setting.Line, setting.Column), ApiKeyDetector.Mask(setting.Value)));
        }
    }

    /// <summary>A zero-width location at a 1-based line and column of an additional file, clamped into the text.</summary>
    private static Location LocationIn(string path, SourceText text, int oneBasedLine, int oneBasedColumn)
    {
        int line = Math.Min(Math.Max(oneBasedLine - 1, 0), text.Lines.Count - 1);
        int position = Math.Min(text.Lines[line].Start + Math.Max(oneBasedColumn - 1, 0), text.Lines[line].End);
        var span = new TextSpan(position, 0);
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static void ReportOverlayProblems(AdditionalFileAnalysisContext context, List<OverlayProblem> problems)
    {
        var text = context.AdditionalFile.GetText(context.CancellationToken);
        foreach (var problem in problems)
        {
            if (problem.Path != context.AdditionalFile.Path || text is null)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidOverlay, LocationIn(problem.Path, text, problem.Line, problem.Column), problem.Message));
        }
    }

    /// <summary>Per-compilation state (RS1008: none of it may live on the analyzer instance).</summary>
    private sealed class CompilationAnalysis
    {
        private readonly SiteIndex _sites;
        private readonly ModelCatalog _catalog;
        private readonly AnalyzerConfigOptionsProvider _options;

        // Options are parsed once per distinct options object, not per node.
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, JudgePolicy> _policies = new();

        // A const or field used by many sites is reported once, at its literal.
        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> _reported = new();
        private readonly ConcurrentDictionary<string, byte> _configurationProblems = new();

        public CompilationAnalysis(SiteIndex sites, ModelCatalog catalog, AnalyzerConfigOptionsProvider options)
        {
            _sites = sites;
            _catalog = catalog;
            _options = options;
        }

        public void AnalyzeDocument(SemanticModelAnalysisContext context)
        {
            var model = context.SemanticModel;
            var root = model.SyntaxTree.GetRoot(context.CancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                // Cheap syntactic filters first; only candidates are bound.
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when _sites.IsCandidateMethodName(InvokedName(invocation.Expression)):
                        if (model.GetOperation(invocation, context.CancellationToken) is IInvocationOperation { TargetMethod: var method } call
                            && _sites.Find(method) is { } methodSites)
                        {
                            AnalyzeArguments(context, call.Arguments, methodSites);
                        }

                        break;
                    case BaseObjectCreationExpressionSyntax creation:
                        if (model.GetOperation(creation, context.CancellationToken) is IObjectCreationOperation { Constructor: { } constructor } created
                            && _sites.Find(constructor) is { } constructorSites)
                        {
                            AnalyzeArguments(context, created.Arguments, constructorSites);
                        }

                        break;
                    case AssignmentExpressionSyntax assignment when _sites.IsCandidatePropertyName(AssignedName(assignment.Left)):
                        // Object initializers ({ Model = "gpt-4" }) and plain assignments (settings.Model = "gpt-4").
                        if (model.GetOperation(assignment, context.CancellationToken) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } set
                            && _sites.Find(property) is { Count: > 0 } propertySites)
                        {
                            AnalyzeValue(context, set.Value, propertySites[0].Kind);
                        }

                        break;
                }
            }
        }

        public void ReportConfigurationProblems(CompilationAnalysisContext context)
        {
            foreach (var problem in _configurationProblems.Keys)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidOption, Location.None, problem));
            }
        }

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        private static string? AssignedName(ExpressionSyntax target) => target switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        private void AnalyzeArguments(SemanticModelAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, IReadOnlyList<SdkSite> sites)
        {
            foreach (var argument in arguments)
            {
                foreach (var site in sites)
                {
                    if (argument.Parameter?.Name == site.Parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        AnalyzeValue(context, argument.Value, site.Kind);
                    }
                }
            }
        }

        private void AnalyzeValue(SemanticModelAnalysisContext context, IOperation value, SiteKind kind)
        {
            foreach (var literal in ModelValueResolver.Resolve(value, context.CancellationToken))
            {
                var tree = literal.Node.SyntaxTree;
                if (!_reported.TryAdd((tree, literal.Node.Span), 0))
                {
                    continue;
                }

                if (kind == SiteKind.ApiKey)
                {
                    if (ApiKeyDetector.IsLikelyKey(literal.Value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rules.HardCodedKey, literal.Node.GetLocation(), ApiKeyDetector.Mask(literal.Value)));
                    }

                    continue;
                }

                // Judged with the options of the file that holds the literal, whichever site reached it.
                var policy = PolicyFor(tree);
                if (ModelJudge.Judge(_catalog, literal.Value, policy) is { } verdict)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rules.ForRule(verdict.RuleId), literal.Node.GetLocation(), FixData.Create(verdict, literal.Value), verdict.Message));
                }
            }
        }

        private JudgePolicy PolicyFor(SyntaxTree tree)
        {
            var fileOptions = _options.GetOptions(tree);
            return _policies.GetOrAdd(fileOptions, o => OptionsReader.Read(o, _options.GlobalOptions, _catalog, ReportProblem));
        }

        private void ReportProblem(string message) => _configurationProblems.TryAdd(message, 0);
    }
}

/// <summary>The contract between the analyzer and the code fix: offered targets travel in Diagnostic.Properties.</summary>
internal static class FixData
{
    public const string ModelKey = "Model";
    public const string TargetPrefix = "Target";
    public const string TitlePrefix = "Title";

    /// <summary><paramref name="value"/> is the string as written at the site, which the fix replaces.</summary>
    public static ImmutableDictionary<string, string?> Create(Verdict verdict, string value)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(ModelKey, value);
        for (int i = 0; i < verdict.Offers.Count; i++)
        {
            builder.Add(TargetKey(i), verdict.Offers[i].Target.Id);
            builder.Add(TitleKey(i), verdict.Offers[i].Title);
        }

        return builder.ToImmutable();
    }

    public static string TargetKey(int index) => TargetPrefix + index.ToString(CultureInfo.InvariantCulture);

    public static string TitleKey(int index) => TitlePrefix + index.ToString(CultureInfo.InvariantCulture);
}

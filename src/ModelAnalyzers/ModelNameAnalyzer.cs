using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Options;
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
        ImmutableArray.Create(Rules.Retired, Rules.Deprecated, Rules.Costlier, Rules.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // No SDK referenced: register nothing, so such projects pay (almost) nothing.
            var sites = SiteIndex.Create(start.Compilation);
            if (sites is null)
            {
                return;
            }

            var analysis = new CompilationAnalysis(sites, ModelCatalog.BuiltIn, start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterCompilationEndAction(analysis.ReportConfigurationProblems);
        });
    }

    /// <summary>Per-compilation state (RS1008: none of it may live on the analyzer instance).</summary>
    private sealed class CompilationAnalysis
    {
        private readonly SiteIndex _sites;
        private readonly ModelCatalog _catalog;
        private readonly AnalyzerConfigOptionsProvider _options;

        // Options are parsed once per distinct options object, not per node.
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, AnalyzerSettings> _settings = new();

        // A const or field used by many sites is reported once, at its literal.
        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> _reported = new();
        private readonly ConcurrentDictionary<string, byte> _configurationProblems = new();

        public CompilationAnalysis(SiteIndex sites, ModelCatalog catalog, AnalyzerConfigOptionsProvider options)
        {
            _sites = sites;
            _catalog = catalog;
            _options = options;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (_sites.Find(invocation.TargetMethod) is { } site)
            {
                AnalyzeArguments(context, invocation.Arguments, site);
            }
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is { } constructor && _sites.Find(constructor) is { } site)
            {
                AnalyzeArguments(context, creation.Arguments, site);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            // Covers object initializers ({ Model = "gpt-4" }) and plain assignments (settings.Model = "gpt-4").
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property: var property } && _sites.Find(property) is not null)
            {
                AnalyzeValue(context, assignment.Value);
            }
        }

        public void ReportConfigurationProblems(CompilationAnalysisContext context)
        {
            foreach (var problem in _configurationProblems.Keys)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.InvalidOption, Location.None, problem));
            }
        }

        private void AnalyzeArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, SdkSite site)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == site.Parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AnalyzeValue(context, argument.Value);
                }
            }
        }

        private void AnalyzeValue(OperationAnalysisContext context, IOperation value)
        {
            foreach (var literal in ModelValueResolver.Resolve(value, context.CancellationToken))
            {
                var tree = literal.Node.SyntaxTree;
                if (!_reported.TryAdd((tree, literal.Node.Span), 0))
                {
                    continue;
                }

                // Judged with the options of the file that holds the literal, whichever site reached it.
                var settings = SettingsFor(tree);
                if (ModelJudge.Judge(_catalog, literal.Value, settings.AsOf, settings.Targets) is { } verdict)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Rules.ForRule(verdict.RuleId), literal.Node.GetLocation(), FixData.Create(verdict), verdict.Message));
                }
            }
        }

        private AnalyzerSettings SettingsFor(SyntaxTree tree)
        {
            var fileOptions = _options.GetOptions(tree);
            return _settings.GetOrAdd(fileOptions, o => AnalyzerSettings.Read(o, _options.GlobalOptions, _catalog, ReportProblem));
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

    public static ImmutableDictionary<string, string?> Create(Verdict verdict)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(ModelKey, verdict.Model.Id);
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

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Benchmarks;

/// <summary>The analyzer sets measured side by side.</summary>
internal static class Analyzers
{
    /// <summary>Every analyzer the package exports (found by attribute, as the compiler finds them).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> ModelAnalyzers { get; } = typeof(ModelLifecycleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The floor: registers the same callbacks as ModelAnalyzers and does nothing in them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Floor { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

    /// <summary>
    /// What every .NET SDK build already runs: analyzers that ask for the operations of every member body (the
    /// default CA rules do), which makes the compiler bind them for analysis. Our marginal cost is measured on top.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> BindingFloor { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationBlockAnalyzer());

    /// <summary>
    /// The least binding any symbol check of the sites needs: the symbol of each model site of the corpus and nothing
    /// else, the sites located before the run so that finding them costs nothing. No analyzer that tells an SDK call
    /// from a look-alike by its symbol can cost less, so its execution time bounds the time targets from below.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> SymbolFloor(Corpus corpus)
    {
        var sites = new Dictionary<SyntaxTree, SyntaxNode[]>();
        foreach (var tree in corpus.Compilation.SyntaxTrees)
        {
            sites[tree] = tree.GetRoot().DescendantNodes().Where(IsSite).ToArray();
        }

        return ImmutableArray.Create<DiagnosticAnalyzer>(new SiteSymbolAnalyzer(sites));
    }

    // The corpus's site shapes: client.GetChatClient(...), client.GetEmbeddingClient(...), new ChatClient(...).
    private static bool IsSite(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText is "GetChatClient" or "GetEmbeddingClient",
        ObjectCreationExpressionSyntax { Type: IdentifierNameSyntax type } => type.Identifier.ValueText == "ChatClient",
        _ => false,
    };

    public static ImmutableArray<DiagnosticAnalyzer> BannedApi { get; } = Load("peers/bannedapi");

    public static ImmutableArray<DiagnosticAnalyzer> Meziantou { get; } = Load("peers/meziantou");

    /// <summary>BannedApiAnalyzers set up to do a check of similar shape: ban the OpenAI members that take a model.</summary>
    public static AdditionalText BannedSymbols { get; } = new InMemoryAdditionalText("/corpus/BannedSymbols.txt", """
        M:OpenAI.OpenAIClient.GetChatClient(System.String);use a model from configuration
        M:OpenAI.OpenAIClient.GetEmbeddingClient(System.String);use a model from configuration
        M:OpenAI.Chat.ChatClient.#ctor(System.String,System.String);use a model from configuration
        M:OpenAI.Chat.ChatClient.#ctor(System.String,System.ClientModel.ApiKeyCredential);use a model from configuration
        """);

    private static ImmutableArray<DiagnosticAnalyzer> Load(string folder)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        // Code-fix assemblies are not needed to analyze (and need Workspaces dependencies this host does not load).
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.dll").Where(p => !p.Contains("CodeFix", StringComparison.Ordinal)))
        {
            foreach (var type in LoadableTypes(Assembly.LoadFrom(path)))
            {
                if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
            }
        }

        return analyzers.ToImmutable();
    }

    // BannedApiAnalyzers ships its code fixes (and their Workspaces dependencies) in the analyzer assembly.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP0001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSemanticModelAction(_ => { });
                start.RegisterAdditionalFileAction(_ => { });
                start.RegisterCompilationEndAction(_ => { });
            });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class SiteSymbolAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP0003", "Site", "Site", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        private readonly Dictionary<SyntaxTree, SyntaxNode[]> _sites;

        public SiteSymbolAnalyzer(Dictionary<SyntaxTree, SyntaxNode[]> sites) => _sites = sites;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // As ModelAnalyzers: with None, the driver searches each file for [GeneratedCode] attributes on its first
            // reported diagnostic, inside this callback's execution time, and the floor would measure that search.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSemanticModelAction(analysis =>
            {
                foreach (var site in _sites.GetValueOrDefault(analysis.SemanticModel.SyntaxTree, Array.Empty<SyntaxNode>()))
                {
                    // Reported, so that the run shows every site was bound to a method.
                    if (analysis.SemanticModel.GetSymbolInfo(site, analysis.CancellationToken).Symbol is IMethodSymbol)
                    {
                        analysis.ReportDiagnostic(Diagnostic.Create(Rule, site.GetLocation()));
                    }
                }
            });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationBlockAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("NOOP0002", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(_ => { });
        }
    }
}

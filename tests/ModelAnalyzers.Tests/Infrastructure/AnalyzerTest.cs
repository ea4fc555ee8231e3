using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.CodeFixes;

namespace ModelAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer and code fix run against test code compiled with the real OpenAI package from NuGet
/// (never hand-written stubs of SDK types). The as-of date defaults to the catalog's date unless a test sets it.
/// </summary>
internal sealed class AnalyzerTest : CSharpCodeFixTest<ModelLifecycleAnalyzer, UseModelCodeFixProvider, DefaultVerifier>
{
    /// <summary>The newest OpenAI release the package mirror serves; older shapes are tested explicitly.</summary>
    public const string LatestOpenAI = "2.15.0";

    private static readonly string NuGetConfig = Path.Combine(AppContext.BaseDirectory, "NuGet.config");

    private readonly DiagnosticAnalyzer? _only;

    /// <param name="only">The analyzer under test: the others do not run, so a rule's tests need not silence the rest.</param>
    public AnalyzerTest(string openAIVersion = LatestOpenAI, string? editorConfig = null, DiagnosticAnalyzer? only = null)
    {
        _only = only;
        ReferenceAssemblies = WithOpenAI(openAIVersion);
        if (editorConfig is not null)
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }
    }

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (FixedState.Sources.Count > 0)
        {
            // A fix may land on a model that is itself deprecated (the card's targets are), so fixed code can
            // carry fixable diagnostics: the markup in it says which.
            FixedState.MarkupHandling = MarkupMode.Allow;
        }

        return base.RunImplAsync(cancellationToken);
    }

    /// <summary>Net 8 reference assemblies plus real NuGet packages, e.g. ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0").</summary>
    public static ReferenceAssemblies WithPackages(params (string Id, string Version)[] packages) =>
        ReferenceAssemblies.Net.Net80
            .AddPackages(packages.Select(p => new PackageIdentity(p.Id, p.Version)).ToImmutableArray())
            .WithNuGetConfigFilePath(NuGetConfig);

    public static ReferenceAssemblies WithOpenAI(string version)
    {
        var packages = ImmutableArray.Create(new PackageIdentity("OpenAI", version));
        if (version == "2.1.0")
        {
            // OpenAI 2.1.0 -> System.ClientModel 1.2.1 -> System.Memory.Data 6.0.0, which the mirror does not serve;
            // the test resolver takes no nearest match, so name the patch release that NuGet restore would pick.
            packages = packages.Add(new PackageIdentity("System.Memory.Data", "6.0.1"));
        }

        return ReferenceAssemblies.Net.Net80.AddPackages(packages).WithNuGetConfigFilePath(NuGetConfig);
    }

    /// <summary>Expects exactly the diagnostics marked in the source, and no code change.</summary>
    public static Task VerifyAsync(string source, string openAIVersion = LatestOpenAI, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest(openAIVersion, editorConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies the action with the given target (one by one and through Fix All) and compares the result.</summary>
    /// <summary>The target argument of <see cref="VerifyFixAsync"/> that applies each site's recommended (first) action.</summary>
    public const string Recommended = "(recommended)";

    public static Task VerifyFixAsync(string source, string fixedSource, string target, string? editorConfig = null, string openAIVersion = LatestOpenAI)
    {
        var test = new AnalyzerTest(openAIVersion, editorConfig)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = target == Recommended ? UseModelCodeFixProvider.RecommendedEquivalenceKey : UseModelCodeFixProvider.EquivalenceKeyPrefix + target,
        };
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) =>
        new(Workbench.Analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id));

    // Every analyzer and fix of the package takes part in every test, as in a user's build, unless a test names the
    // analyzer under test.
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _only is null ? Workbench.Analyzers : new[] { _only };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => Workbench.CodeFixProviders;
}

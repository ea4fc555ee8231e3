using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// How model-audit runs the analyzers' per-file work outside the build's driver (<c>ProjectAnalysis.FindingsIn</c>): what the
/// driver would drop stays dropped, and an analysis that throws costs only its own findings in that file.
/// </summary>
public class AuditFindingsTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create("Audit",
        new[]
        {
            CSharpSyntaxTree.ParseText("static class Good { const string M = \"gpt-4\"; }\n", path: "/src/Good.cs"),
            CSharpSyntaxTree.ParseText("static class Bad { const string M = \"gpt-4\"; }\n", path: "/src/Bad.cs"),
            CSharpSyntaxTree.ParseText("static class Quiet\n{\n#pragma warning disable MDL0001\n    const string M = \"gpt-4\";\n#pragma warning restore MDL0001\n}\n", path: "/src/Quiet.cs"),
        },
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    // Reports MDL0001 on each file's string literal, as the lifecycle analyzer would.
    private static readonly FileAnalysis Reporter = new((model, report, cancellationToken) =>
    {
        foreach (var literal in model.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().Where(n => n.IsKind(SyntaxKind.StringLiteralExpression)))
        {
            report(Diagnostic.Create(Rules.Retired, literal.GetLocation(), "retired"));
        }
    });

    private static readonly FileAnalysis ThrowsOnBad = new((model, _, _) =>
    {
        if (model.SyntaxTree.FilePath.EndsWith("Bad.cs", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("half-typed code");
        }
    });

    [Fact]
    public void AnAnalysisThatThrowsIsNamedAndTheRestStillReports()
    {
        var findings = ProjectAnalysis.FindingsIn(Compilation, NoOptions, Compilation.SyntaxTrees, new[] { ("ThrowsOnBad", ThrowsOnBad), ("Reporter", Reporter) }, CancellationToken.None);

        Assert.Equal(new[] { "Bad.cs", "Good.cs" }, findings.Where(f => f.Id == RuleIds.Retired).Select(f => Path.GetFileName(f.Location.SourceTree!.FilePath)).Order(StringComparer.Ordinal));
        var failure = Assert.Single(findings, f => f.Id == "AD0001");
        Assert.Equal(Location.None, failure.Location);
        Assert.Equal("Analyzer 'ThrowsOnBad' threw an exception on Bad.cs: InvalidOperationException: half-typed code; its findings in that file are missing",
            failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PragmasAndConfiguredSeveritiesApplyAsInTheBuild()
    {
        var configured = Compilation.WithOptions(Compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(RuleIds.Retired, ReportDiagnostic.Error)));
        var findings = ProjectAnalysis.FindingsIn(configured, NoOptions, configured.SyntaxTrees, new[] { ("Reporter", Reporter) }, CancellationToken.None);

        // Quiet.cs's literal is inside #pragma warning disable MDL0001: the build's driver drops it, and so does the audit.
        Assert.Equal(new[] { "Bad.cs", "Good.cs" }, findings.Select(f => Path.GetFileName(f.Location.SourceTree!.FilePath)).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
    }
}

using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace ModelAnalyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer assembly compiled from its sources in the test, optionally with one file edited: how a test checks a
/// claim about the sources themselves (the folder order, "one row is all a new SDK member needs") without any
/// production member that exists only for tests.
/// </summary>
internal static class AnalyzerSources
{
    public static string Root { get; } = RepositoryFiles.PathOf("src/ModelAnalyzers");

    /// <summary>The sources (bin and obj left out), each edited by <paramref name="edit"/> (relative path, text: new text).</summary>
    public static CSharpCompilation Compile(string assemblyName, Func<string, string, string>? edit = null)
    {
        var files = Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var trees = files.Select(f =>
        {
            string text = File.ReadAllText(f);
            return CSharpSyntaxTree.ParseText(edit is null ? text : edit(Relative(f), text), new CSharpParseOptions(LanguageVersion.Latest), path: f);
        });

        // The running test's own references: the runtime and the Roslyn version the tests load.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Where(p => !Path.GetFileNameWithoutExtension(p).Equals("ModelAnalyzers", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Emits and loads the compilation with the catalog's embedded data; fails with the compiler's errors.</summary>
    public static Assembly Load(CSharpCompilation compilation)
    {
        var resources = new[] { "models.json", "azure-models.json" }.Select(name => new ResourceDescription(
            "ModelAnalyzers.Catalog." + name, () => File.OpenRead(Path.Combine(Root, "Catalog", name)), isPublic: true));
        using var image = new MemoryStream();
        EmitResult result = compilation.Emit(image, manifestResources: resources);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }

    public static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static bool IsBuildOutput(string file) =>
        Relative(file).Split('/') is var parts && (parts[0] == "bin" || parts[0] == "obj");
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// A source generator built on a newer Roslyn than model-audit's is declined by the workspace without a word: the audit
/// names it (CS9057, as the compiler would) rather than silently missing what it generates.
/// </summary>
public sealed class NewerCompilerGeneratorsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newer-compiler-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("99.0.0.0", true, true)]
    [InlineData("99.0.0.0", false, false)] // an analyzer, not a generator: the audit runs none but its own
    [InlineData("1.0.0.0", true, false)]   // built on an older Roslyn: it loads
    public void AGeneratorOnANewerCompilerIsNamed(string compilerVersion, bool isGenerator, bool named)
    {
        string path = Emit(compilerVersion, isGenerator);

        string? note = NewerCompilerGenerators.NoteFor(new AnalyzerFileReference(path, new NoLoader()));

        Assert.Equal(named, note is not null);
        if (named)
        {
            Assert.Contains($"the source generator {Path.GetFileName(path)} needs compiler {compilerVersion}, newer than model-audit's", note);
        }
    }

    [Fact]
    public void AFileThatIsNotAnAssemblyIsNoNote()
    {
        string path = Path.Combine(_folder, "broken.dll");
        File.WriteAllText(path, "not a PE file");

        Assert.Null(NewerCompilerGenerators.NoteFor(new AnalyzerFileReference(path, new NoLoader())));
    }

    /// <summary>A generator (or analyzer) assembly referencing a "Microsoft.CodeAnalysis" of the given version.</summary>
    private string Emit(string compilerVersion, bool isGenerator)
    {
        var roslyn = Compile("Microsoft.CodeAnalysis", $"[assembly: System.Reflection.AssemblyVersion(\"{compilerVersion}\")] namespace Microsoft.CodeAnalysis {{ public sealed class GeneratorAttribute : System.Attribute {{ }} public sealed class OtherAttribute : System.Attribute {{ }} }}");
        string attribute = isGenerator ? "Generator" : "Other";
        var generator = Compile($"Acme.Generators{compilerVersion}{isGenerator}", $"[Microsoft.CodeAnalysis.{attribute}] public sealed class PageGenerator {{ }}", roslyn.ToMetadataReference());
        string path = Path.Combine(_folder, generator.AssemblyName + ".dll");
        Assert.True(generator.Emit(path).Success);
        return path;
    }

    private static CSharpCompilation Compile(string name, string source, params MetadataReference[] references) =>
        CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) },
            references.Append(MetadataReference.CreateFromFile(typeof(object).Assembly.Location)).Append(MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    // The reference is only read as metadata, never loaded.
    private sealed class NoLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => throw new InvalidOperationException("not loaded");
    }
}

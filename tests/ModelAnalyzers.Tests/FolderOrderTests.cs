using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The analyzer assembly's folders are its stages, in docs/architecture.md's order: a folder uses only the folders
/// above it (the catalog uses nothing). The sources are compiled here and every type a file names is traced to the
/// folder that declares it, so a back-edge fails this test with the file, the type and both folders.
/// </summary>
public class FolderOrderTests
{
    // docs/architecture.md's table; "" is the root (the analyzers and their descriptors: the report stage).
    private static readonly string[][] Stages =
    {
        new[] { "Catalog" },
        new[] { "Candidates" },
        new[] { "Sites" },
        new[] { "Values" },
        new[] { "Walk" },
        new[] { "Requests" },
        new[] { "Judgement" },
        new[] { "Options", "Settings" },
        new[] { "PerCompilation" },
        new[] { "" },
    };

    [Fact]
    public void NoFolderUsesALaterStage()
    {
        string root = AnalyzerSources.Root;
        var compilation = AnalyzerSources.Compile("FolderOrder");
        var trees = compilation.SyntaxTrees;

        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            int stage = StageOf(root, tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is not { } symbol)
                {
                    continue;
                }

                var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
                while (type?.ContainingType is { } outer)
                {
                    type = outer;
                }

                if (type?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath is { } declaredIn && StageOf(root, declaredIn) > stage)
                {
                    violations.Add($"{Relative(root, tree.FilePath)} uses {type.Name} ({Relative(root, declaredIn)})");
                }
            }
        }

        Assert.Empty(violations);
    }

    private static int StageOf(string root, string file)
    {
        string relative = Path.GetRelativePath(root, file);
        string folder = relative.Contains(Path.DirectorySeparatorChar) ? relative[..relative.IndexOf(Path.DirectorySeparatorChar)] : "";
        int stage = Array.FindIndex(Stages, s => s.Contains(folder));
        Assert.True(stage >= 0, $"src/ModelAnalyzers/{folder} is not a stage in docs/architecture.md's table: add it there and here");
        return stage;
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}

using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>
/// The C# the fuzz tests start from: every test source in this project that uses the SDK (the raw string literals
/// of the test files, markup removed) and the demo app.
/// </summary>
internal static partial class FuzzCorpus
{
    public static IReadOnlyList<string> Sources { get; } = Load();

    private static List<string> Load()
    {
        var sources = new List<string> { File.ReadAllText(RepositoryFiles.PathOf("samples/DemoApp/Program.cs")) };
        foreach (string file in Directory.GetFiles(RepositoryFiles.PathOf("tests/ModelAnalyzers.Tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var token in root.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && token.ValueText.Contains("OpenAI", StringComparison.Ordinal))
                {
                    sources.Add(Markup().Replace(token.ValueText, "").Replace("|}", "").Replace("[|", "").Replace("|]", ""));
                }
            }
        }

        return sources;
    }

    // {|MDL0001: or {|#0: opening markers of the test framework's markup.
    [GeneratedRegex(@"\{\|[^:|]*:")]
    private static partial Regex Markup();
}

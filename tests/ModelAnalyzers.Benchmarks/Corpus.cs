using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Benchmarks;

/// <summary>
/// A seeded, generated solution that uses the real OpenAI SDK at a realistic density: files of about 200 lines,
/// about one model site per 200 lines, and many other invocations, object initializers (including a non-SDK
/// <c>Model</c> property) and string literals that are not model sites, plus a few appsettings files.
/// </summary>
internal sealed class Corpus
{
    public const int LinesPerFile = 200;

    private Corpus(CSharpCompilation compilation, ImmutableArray<AdditionalText> additionalFiles, int expectedModelDiagnostics)
    {
        Compilation = compilation;
        AdditionalFiles = additionalFiles;
        ExpectedModelDiagnostics = expectedModelDiagnostics;
    }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles { get; }

    /// <summary>What ModelAnalyzers must report, so a broken analyzer cannot look fast.</summary>
    public int ExpectedModelDiagnostics { get; }

    public int Lines => Compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);

    public static IReadOnlyList<MetadataReference> References { get; } = ReferenceAssemblies.Net.Net80
        .AddPackages(ImmutableArray.Create(new PackageIdentity("OpenAI", "2.15.0")))
        .WithNuGetConfigFilePath(Path.Combine(AppContext.BaseDirectory, "NuGet.config"))
        .ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();

    /// <param name="modelFilePercent">
    /// The share of files that use the SDK (with about one model site per 200 lines); the others are plain code of
    /// the same size and shape. 100 by default, the density the analyzer figures are measured at; a real monorepo is
    /// nearer 1 (docs/performance.md).
    /// </param>
    public static Corpus Create(int files, int seed = 1123, int modelFilePercent = 100)
    {
        var trees = Sources(files, seed, modelFilePercent, out int expected).Select(s => Parse(s.Name, s.Source)).ToList();

        // Each appsettings file names gpt-4o-mini, which is deprecated (shuts down 2027-01-14): one MDL0002 per file.
        expected += SettingsFiles;
        var additional = Enumerable.Range(0, SettingsFiles)
            .Select(i => (AdditionalText)new InMemoryAdditionalText($"/corpus/appsettings.{i}.json", SettingsText(i)))
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Corpus", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["OPENAI001"] = ReportDiagnostic.Suppress }));
        return new Corpus(compilation, additional, expected);
    }

    public const int SettingsFiles = 4;

    public static string SettingsText(int i) =>
        $$"""{ "Logging": { "LogLevel": "Information" }, "OpenAI": { "Model": "gpt-4o-mini", "Endpoint": "https://example.test/{{i}}" } }""";

    /// <summary>The corpus's source files by name, and how many diagnostics ModelAnalyzers must report in them.</summary>
    public static List<(string Name, string Source)> Sources(int files, int seed, int modelFilePercent, out int expected)
    {
        var random = new Random(seed);
        var sources = new List<(string, string)> { ("Shared.cs", SharedSource) };
        expected = 0;
        for (int i = 0; i < files; i++)
        {
            // Spread evenly: file i uses the SDK when the running share falls behind the asked one.
            bool usesModels = (i + 1) * modelFilePercent / 100 > i * modelFilePercent / 100;
            var (source, reported) = GenerateFile(i, random, LinesPerFile, usesModels);
            sources.Add(($"Service{i}.cs", source));
            expected += reported;
        }

        // The shared const is reported once, at its declaration, however many files use it.
        expected += sources.Any(s => s.Item2.Contains("Shared.ChatModel", StringComparison.Ordinal)) ? 1 : 0;
        return sources;
    }

    /// <summary>A file with many sites, for Fix All: every site moves to the default target.</summary>
    public static string FixAllFile(int index, int sites)
    {
        var text = new StringBuilder($"class FixAll{index}\n{{\n    void M(OpenAI.OpenAIClient client)\n    {{\n");
        for (int s = 0; s < sites; s++)
        {
            text.Append("        _ = client.GetChatClient(\"gpt-4\");\n");
        }

        return text.Append("    }\n}\n").ToString();
    }

    /// <summary>One document of about the given length with a site every 200 lines, for IDE latency.</summary>
    public static string LongFile(int lines) => GenerateFile(999_999, new Random(42), lines).Source;

    private static SyntaxTree Parse(string name, string source) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), path: "/corpus/" + name);

    private static (string Source, int Reported) GenerateFile(int index, Random random, int lines = LinesPerFile, bool usesModels = true)
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\n");
        text.Append(usesModels ? "using OpenAI;\nusing OpenAI.Chat;\n\n" : "\n");
        text.Append($"namespace Corpus.Area{index % 20};\n\npublic sealed class Service{index}\n{{\n");
        text.Append($"    private const string Label = \"service-{index}\";\n");
        text.Append($"    private readonly Dictionary<string, string> _settings = new() {{ [\"name\"] = \"svc{index}\", [\"region\"] = \"eu\" }};\n");
        int reported = 0;
        int method = 0;
        int written = 12;
        int nextSite = 0;
        while (written < lines)
        {
            text.Append($"\n    public string Method{method}(string input, {(usesModels ? "OpenAIClient" : "Uri")} client, string key)\n    {{\n        var builder = new StringBuilder();\n");
            written += 5;
            int body = Math.Max(1, Math.Min(20, lines - written - 3));
            for (int line = 0; line < body; line++)
            {
                // About one model site per 200 lines, on the first line of a method.
                if (usesModels && line == 0 && written >= nextSite)
                {
                    var (site, isReported) = Site(random);
                    text.Append("        ").Append(site).Append('\n');
                    reported += isReported ? 1 : 0;
                    nextSite += LinesPerFile;
                }
                else
                {
                    text.Append("        ").Append(Statement(random, method, line)).Append('\n');
                }
            }

            text.Append("        return builder.ToString();\n    }\n");
            written += body + 2;
            method++;
        }

        text.Append("}\n");
        return (text.ToString(), reported);
    }

    private static (string Code, bool Reported) Site(Random random) => random.Next(7) switch
    {
        0 => ("_ = client.GetChatClient(\"gpt-4\");", true),
        1 => ("_ = new ChatClient(Shared.ChatModel, key);", false), // reported once, at the shared const
        2 => ("_ = client.GetChatClient(Environment.GetEnvironmentVariable(\"MODEL\") ?? \"gpt-4o\");", true),
        3 => ("_ = client.GetChatClient(\"gpt-6-luna\");", false),
        4 => ("_ = client.GetEmbeddingClient(\"text-embedding-3-small\");", false),
        5 => ("_ = client.GetChatClient(\"gpt4o-mini\");", true),
        _ => ("_ = client.GetChatClient(input.Length > 3 ? \"gpt-5-mini\" : input);", true),
    };

    private static string Statement(Random random, int method, int line) => random.Next(8) switch
    {
        0 => $"var items{line} = input.Split(',').Select(s => s.Trim()).Where(s => s.Length > {line % 5}).ToList();",
        1 => $"builder.Append(\"value-{line}\").Append(input.Length).AppendLine();",
        2 => $"var options{line} = new Shared.Settings {{ Name = \"n{method}-{line}\", Retries = {line}, Model = \"gpt-4-{line}\" }};",
        3 => $"if (input.StartsWith(\"gpt-4\", StringComparison.Ordinal)) {{ builder.Append(\"legacy {line}\"); }}",
        4 => $"_settings[\"key{line}\"] = string.Concat(\"a\", Label, \"{method}\");",
        5 => $"builder.Append($\"{{Label}}: {{input.Length + {line}}}\");",
        6 => $"var lookup{line} = new Dictionary<string, decimal> {{ [\"gpt-4\"] = 30m, [\"o1\"] = 15m }};",
        _ => $"builder.Append(Math.Max({line}, input.Length).ToString(System.Globalization.CultureInfo.InvariantCulture));",
    };

    private const string SharedSource = """
        public static class Shared
        {
            public const string ChatModel = "gpt-3.5-turbo";

            public sealed class Settings
            {
                public string Name { get; set; } = "";
                public int Retries { get; set; }
                public string Model { get; set; } = "";
            }
        }
        """;
}

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Options;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests.Reliability;

/// <summary>Broken, huge and hostile configuration and data give MDL0900/MDL0901 or silence, never an exception.</summary>
public class HostileInputTests
{
    private const string ValidOverlay = """
        {
          "$schema": "x",
          "models": [
            { "id": "acme-large", "kind": "chat", "inputPer1M": 4, "outputPer1M": 16, "deprecatedOn": "2026-10-01", "shutdownOn": "2027-03-01", "replacement": "gpt-6-luna", "vision": true },
            { "id": "gpt-4o", "inputPer1M": 2.2, "contextWindow": 128000, "source": "price sheet" }
          ],
          "deployments": { "prod": "gpt-4" }
        }
        """;

    public static TheoryData<string> HandWrittenOverlays => new()
    {
        "",
        "\uFEFF",
        "{",
        "{\"models\": [{\"id\": \"a\", \"kind\": \"chat\", \"inputPer1M\": \"cheap\"}]}",
        "{\"models\": [{\"id\": \"a\", \"kind\": \"chat\", \"contextWindow\": 1e300}]}",
        "{\"models\": [{\"id\": \"a\", \"kind\": \"chat\", \"inputPer1M\": -1}]}",
        "{\"models\": [{\"id\": \"a\", \"kind\": \"chat\"}, {\"id\": \"a\", \"kind\": \"embedding\"}], \"models\": 3}",
        "{\"models\": [{\"id\": \"gpt-4\", \"replacement\": \"gpt-4\"}, {\"id\": \"x\", \"kind\": \"chat\", \"replacement\": \"y\"}, {\"id\": \"y\", \"kind\": \"chat\", \"replacement\": \"x\"}]}",
        "{\"deployments\": {\"a\": \"b\", \"b\": \"a\"}}",
        new string('[', 10_000),
        "{\"models\": [" + string.Join(",", Enumerable.Repeat("{\"id\": \"m\", \"kind\": \"chat\"}", 20_000)) + "]}",
        "{\"models\": [{\"id\": \"" + new string('x', 1_000_000) + "\", \"kind\": \"chat\"}]}",
        "\"\\ud800\"",
        "{\"a\": \"\\u12\"}",
    };

    [Theory]
    [MemberData(nameof(HandWrittenOverlays))]
    public async Task HandWrittenHostileOverlaysNeverThrow(string overlay)
    {
        var document = Workbench.WithAdditionalFile(
            await Workbench.CreateDocumentAsync("class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4\"); }"), "hostile.models.json", overlay);

        var diagnostics = await Workbench.AnalyzeAsync(document);

        Assert.Contains(diagnostics, d => d.Id is "MDL0001" or "MDL0002");
    }

    [Fact]
    public void RandomlyMutatedOverlaysNeverThrow()
    {
        var random = new Random(1123);
        byte[] valid = Encoding.UTF8.GetBytes(ValidOverlay);
        for (int round = 0; round < 3_000; round++)
        {
            byte[] bytes = Mutate(valid, random);

            // Invalid UTF-8 arrives as replacement characters, the way the compiler decodes AdditionalFiles.
            var text = SourceText.From(new MemoryStream(bytes), Encoding.UTF8, throwIfBinaryDetected: false);
            var problems = new List<OverlayProblem>();
            var catalog = CatalogOverlay.Apply(ModelCatalog.BuiltIn, new[] { ("/p/x.models.json", text) }, problems);

            Assert.NotNull(catalog.Find("gpt-4"));
            Assert.All(problems, p => Assert.True(p.Line >= 1 && p.Column >= 1, $"round {round}: bad position {p.Line},{p.Column}"));
        }
    }

    [Fact]
    public void RandomOptionValuesNeverThrow()
    {
        var random = new Random(2311);
        string[] keys =
        {
            OptionsReader.AsOfDateKey, OptionsReader.TargetsKey, OptionsReader.AllowedModelsKey, OptionsReader.DeprecationWindowKey,
            OptionsReader.MonthlyInputKey, OptionsReader.MonthlyOutputKey, OptionsReader.ReplacePrefix + "gpt-4",
        };
        string[] samples = { "", " ", ",", ",,,", "none", "gpt-4o-mini", "9999-12-31", "0001-01-01", "2026-02-30", "-1", "99999999999999999999", "1_000", "\u0000", "gpt-4o-mini,,gpt-5-mini", new string('9', 400) };
        for (int round = 0; round < 2_000; round++)
        {
            var values = new Dictionary<string, string>();
            foreach (string key in keys.Where(_ => random.Next(2) == 0))
            {
                values[key] = random.Next(3) == 0 ? RandomText(random) : samples[random.Next(samples.Length)];
            }

            var problems = new List<string>();
            var policy = OptionsReader.Read(new TestOptions(values), new TestOptions(new()), ModelCatalog.BuiltIn, problems.Add);

            Assert.NotNull(policy.Targets);
            Assert.NotNull(Judgement.ModelJudge.Judge(ModelCatalog.BuiltIn, "gpt-4", policy) ?? (object)"allowed");
        }
    }

    [Fact]
    public async Task HugeFilesAndLiteralsAreAnalyzedInBoundedTime()
    {
        var source = new StringBuilder("class Big {\n");
        for (int method = 0; method < 5_000; method++)
        {
            source.Append("  void M").Append(method).Append("(OpenAI.OpenAIClient c)\n  {\n");
            for (int line = 0; line < 18; line++)
            {
                source.Append(line % 6 == 0 ? "    _ = c.GetChatClient(\"gpt-4\");\n" : "    _ = c.ToString() + \"text\";\n");
            }

            source.Append("  }\n");
        }

        source.Append("  string Large = \"").Append('x', 10_000_000).Append("\";\n");
        source.Append("  object L(OpenAI.OpenAIClient c) => c.GetChatClient(\"").Append('y', 10_000_000).Append("\");\n}\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var document = await Workbench.CreateDocumentAsync(source.ToString());

        var diagnostics = await Workbench.AnalyzeAsync(document).WaitAsync(timeout.Token);

        Assert.Equal(15_000, diagnostics.Count(d => d.Id == "MDL0001"));
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        for (int edits = random.Next(1, 6); edits > 0; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break; // includes invalid UTF-8
                case 1: bytes.RemoveAt(at); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "[{" : "\"id\": null,")); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(40, bytes.Count - at))); break;
            }

            if (bytes.Count == 0)
            {
                break;
            }
        }

        return bytes.ToArray();
    }

    private static string RandomText(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(1, 0x3000)).ToArray());

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

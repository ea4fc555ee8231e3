using System.Text;
using ModelAnalyzers.Cli.EnvFiles;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// model-audit's environment readers (issue 33): .env files, Compose environment (mapping and KEY=VALUE list),
/// Kubernetes env lists and Helm values; each value located on its text, rewritten in place keeping every other byte,
/// and a file that does not parse named instead of thrown.
/// </summary>
public sealed class EnvironmentFileTests
{
    private static string Describe(IEnumerable<EnvironmentValue> values) =>
        string.Join(" | ", values.Select(v => $"{v.Name}>{v.ConfigurationKey}={v.Value}@{v.Line},{v.Column}"));

    [Fact]
    public void DotEnvFilesKeepQuotesCommentsAndExports()
    {
        const string text = "# models\r\nAi__ChatModel=gpt-4\r\nexport OPENAI_MODEL=\"o1\"   # quoted\r\nGREETING = hello gpt-4 # not a model\r\n\r\nBROKEN\r\n";
        var values = EnvironmentFiles.Read(".env", text, out string? problem);

        Assert.Null(problem);
        Assert.Equal("Ai__ChatModel>Ai:ChatModel=gpt-4@2,15 | OPENAI_MODEL>OPENAI_MODEL=o1@3,21 | GREETING>GREETING=hello gpt-4@4,12", Describe(values));
        string fixedText = EnvironmentFiles.Rewrite(text, new[] { (values[0], "gpt-6.2-sol"), (values[1], "gpt-6.2-sol") });
        Assert.Equal(text.Replace("=gpt-4\r", "=gpt-6.2-sol\r").Replace("\"o1\"", "\"gpt-6.2-sol\""), fixedText);
    }

    [Fact]
    public void ComposeEnvironmentAsAMappingAndAsAList()
    {
        const string text = """
            services:
              bot:
                image: bot:latest   # gpt-4 in a comment
                environment:
                  Ai__ChatModel: "gpt-4"
                  LOG_LEVEL: info
              worker:
                environment:
                  - OPENAI_MODEL=o3-mini
                  - "Ai__Engine=gpt-3.5-turbo"
            """;
        var values = EnvironmentFiles.Read("docker-compose.yml", text, out string? problem);

        Assert.Null(problem);
        Assert.Equal("Ai__ChatModel>Ai:ChatModel=gpt-4@5,22 | LOG_LEVEL>LOG_LEVEL=info@6,18 | OPENAI_MODEL>OPENAI_MODEL=o3-mini@9,22 | Ai__Engine>Ai:Engine=gpt-3.5-turbo@10,21", Describe(values));
        string fixedText = EnvironmentFiles.Rewrite(text, values.Where(v => v.Value != "info").Select(v => (v, "gpt-6-luna")));
        Assert.Equal(text.Replace("\"gpt-4\"", "\"gpt-6-luna\"").Replace("=o3-mini", "=gpt-6-luna").Replace("=gpt-3.5-turbo", "=gpt-6-luna"), fixedText);
    }

    [Fact]
    public void KubernetesEnvListsAndHelmValues()
    {
        const string manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: bot
              labels: { model: gpt-4 }
            spec:
              template:
                spec:
                  containers:
                    - name: bot
                      env:
                        - name: Ai__ChatModel
                          value: gpt-4o
                        - name: SECRET
                          valueFrom: { secretKeyRef: { name: s, key: k } }
            ---
            kind: ConfigMap
            data:
              chatModel: o1
            """;
        var values = EnvironmentFiles.Read("k8s/deployment.yaml", manifest, out string? problem);
        Assert.Null(problem);
        Assert.Equal("Ai__ChatModel>Ai:ChatModel=gpt-4o@13,22", Describe(values)); // labels and ConfigMap data are not environment

        const string helm = """
            openai:
              chatModel: gpt-4   # the model
              endpoint: https://example.test
            """;
        Assert.Equal("chatModel>chatModel=gpt-4@2,14", Describe(EnvironmentFiles.Read("charts/bot/values.yaml", helm, out _)));
    }

    [Theory]
    [InlineData(".env", "")]
    [InlineData(".env", "=\n==\nA\n\"\n")]
    [InlineData("compose.yaml", "")]
    [InlineData("compose.yaml", "services:\n  bot:\n    environment:\n      A: ${MODEL:-gpt-4}\n")]
    public void EmptyFilesAndUnresolvableValuesAreReadWithoutAProblem(string name, string text)
    {
        var values = EnvironmentFiles.Read(name, text, out string? problem);
        Assert.Null(problem);
        Assert.All(values, v => Assert.True(v.Offset + v.Length <= text.Length)); // an unresolved ${...} is read as written, never judged as a model
    }

    [Fact]
    public void AnAliasCycleEnds()
    {
        var values = EnvironmentFiles.Read("values.yaml", "a: &a\n  b: *a\n  chatModel: gpt-4\n", out string? problem);
        Assert.True(problem is not null || values.Count >= 1);
    }

    [Theory]
    [InlineData("docker-compose.yml", "services:\n  bot:\n    environment:\n      A: \"unterminated\n")]
    [InlineData("values.yaml", "openai: [ chatModel: gpt-4\n")]
    [InlineData(".env", "A=gpt-4\nOPENAI_MODEL=\"o1\nB=o3\n")]
    [InlineData("deep.yaml", "a: " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + "\n")]
    public void AFileThatDoesNotParseIsNamed(string name, string text)
    {
        EnvironmentFiles.Read(name, text, out string? problem);
        Assert.StartsWith(name + "(", problem, StringComparison.Ordinal);
    }

    // A .env value whose quote is not closed on its line is named with its line, and the lines around it are still read.
    [Fact]
    public void AnUnclosedQuoteInADotEnvIsNamedAndTheRestIsRead()
    {
        var values = EnvironmentFiles.Read(".env", "A=gpt-4\nOPENAI_MODEL=\"o1\nB=o3\n", out string? problem);

        Assert.Equal(".env(2,14): not read: the quoted value of OPENAI_MODEL is not closed on its line", problem);
        Assert.Equal(new[] { "A=gpt-4", "B=o3" }, values.Select(v => $"{v.Name}={v.Value}"));
    }

    [Fact]
    public void MutatedFilesNeverThrowAndRewritesKeepTheRest()
    {
        const string seed = "services:\n  bot:\n    environment:\n      Ai__ChatModel: \"gpt-4\"\n      - OPENAI_MODEL=o1\n";
        int read = 0;
        foreach (var (name, bytes) in Mutator.Mutate(Encoding.UTF8.GetBytes(seed), 5).Concat(Mutator.Mutate(Encoding.UTF8.GetBytes("A=gpt-4\nexport B='o1'\n"), 6)))
        {
            string text = Encoding.UTF8.GetString(bytes);
            foreach (string file in new[] { "compose.yaml", ".env" })
            {
                var values = EnvironmentFiles.Read(file, text, out _);
                string rewritten = EnvironmentFiles.Rewrite(text, values.Select(v => (v, "x")));
                Assert.True(rewritten.Length >= text.Length - values.Sum(v => v.Length), name);
                read++;
            }
        }

        Assert.True(read > 50);
    }
}

using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>MDL0006: hard-coded OpenAI keys at SDK key and credential parameters.</summary>
public class MDL0006ApiKeyTests
{
    private const string Key = "sk-proj-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B";

    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new CSharpCodeFixTest<ApiKeyAnalyzer, ReadKeyFromEnvironmentCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = AnalyzerTest.WithOpenAI(AnalyzerTest.LatestOpenAI),
        };
        return test.RunAsync();
    }

    [Theory]
    [InlineData("sk-proj-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B")]
    [InlineData("sk-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B8c")]
    [InlineData("sk-svcacct-9Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk")]
    public void RealLookingKeysAreKeys(string key) => Assert.True(ApiKeyDetector.IsLikelyKey(key));

    [Theory]
    [InlineData("sk-...")]
    [InlineData("sk-your-key-here")]
    [InlineData("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sk-proj-YOUR_API_KEY_GOES_HERE_PLEASE")]
    [InlineData("sk-1234567890123456789012345")]
    [InlineData("pk-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B8c")]
    [InlineData("")]
    public void PlaceholdersAreNotKeys(string value) => Assert.False(ApiKeyDetector.IsLikelyKey(value));

    [Fact]
    public void MaskKeepsOnlyThePrefixAndTheLastFourCharacters() =>
        Assert.Equal("sk-proj-\u2026xYz6B"[..^5] + "Yz6B", ApiKeyDetector.Mask(Key));

    [Fact]
    public Task KeysAtClientAndCredentialParametersAreReplacedByAnEnvironmentRead() => VerifyFixAsync($$"""
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        class C
        {
            static readonly string Shared = {|#0:"{{Key}}"|};

            void M()
            {
                _ = new OpenAIClient({|#1:"{{Key}}"|});
                _ = new ChatClient("gpt-6-luna", {|#2:"{{Key}}"|});
                _ = new ApiKeyCredential({|#3:"{{Key}}"|});
                _ = new OpenAIClient(Shared);
            }
        }
        """.Replace("{|#0:", "{|MDL0006:").Replace("{|#1:", "{|MDL0006:").Replace("{|#2:", "{|MDL0006:").Replace("{|#3:", "{|MDL0006:"), """
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        class C
        {
            static readonly string Shared = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("Set the OPENAI_API_KEY environment variable.");

            void M()
            {
                _ = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("Set the OPENAI_API_KEY environment variable."));
                _ = new ChatClient("gpt-6-luna", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("Set the OPENAI_API_KEY environment variable."));
                _ = new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("Set the OPENAI_API_KEY environment variable."));
                _ = new OpenAIClient(Shared);
            }
        }
        """);

    [Fact]
    public Task WithoutUsingSystemTheReadIsQualified() => VerifyFixAsync(
        $$"""class C { object M() => new OpenAI.OpenAIClient({|MDL0006:"{{Key}}"|}); }""",
        """class C { object M() => new OpenAI.OpenAIClient(System.Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new System.InvalidOperationException("Set the OPENAI_API_KEY environment variable.")); }""");

    [Fact]
    public Task TheMessageMasksTheKey() => AnalyzerTest.VerifyAsync(
        $$"""class C { object M() => new OpenAI.OpenAIClient({|#0:"{{Key}}"|}); }""",
        expected: AnalyzerTest.Diagnostic("MDL0006").WithLocation(0).WithArguments("sk-proj-\u2026Yz6B"));

    [Fact]
    public Task ConstKeysAreReportedButNotRewrittenIntoCodeThatWouldNotCompile() => VerifyFixAsync($$"""
        class C
        {
            const string Key = {|MDL0006:"{{Key}}"|};
            object M() => new OpenAI.OpenAIClient(Key);
        }
        """, $$"""
        class C
        {
            const string Key = {|MDL0006:"{{Key}}"|};
            object M() => new OpenAI.OpenAIClient(Key);
        }
        """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task AConstKeyInAnotherFileIsReportedWhereItIsDeclared(bool acrossTheSearchChunks)
    {
        // The file with the site has no "sk-" in it: the analyzer must not skip it for that. The files are searched
        // for "sk-" in chunks of 4,096 characters: one key's prefix straddles the first boundary.
        const string declaration = "static class Secrets { public const string Key = \"";
        string padding = acrossTheSearchChunks ? "//" + new string('x', 4095 - declaration.Length - 3) + "\n" : "";
        var test = new CSharpAnalyzerTest<ApiKeyAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = AnalyzerTest.WithOpenAI(AnalyzerTest.LatestOpenAI),
        };
        test.TestState.Sources.Add(("/Client.cs", "class C { object M() => new OpenAI.OpenAIClient(Secrets.Key); }"));
        test.TestState.Sources.Add(("/Secrets.cs", padding + $$"""static class Secrets { public const string Key = {|MDL0006:"{{Key}}"|}; }"""));
        if (acrossTheSearchChunks)
        {
            Assert.Equal(4095, (padding + declaration).Length); // "sk-" at 4,095-4,097
        }

        return test.RunAsync();
    }

    [Fact]
    public Task PlaceholdersAndKeysThatReachNoKeyParameterAreSilent() => AnalyzerTest.VerifyAsync($$"""
        using System;
        using OpenAI;

        class C
        {
            void M()
            {
                _ = new OpenAIClient("sk-your-key-here");
                _ = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "sk-...");
                Console.WriteLine("{{Key}}");
                _ = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
            }
        }
        """);

    [Fact]
    public async Task KeysInAppSettingsAreReportedAtTheirValue()
    {
        var document = await Workbench.CreateDocumentAsync("class C { }");
        document = Workbench.WithAdditionalFile(document, "appsettings.Development.json", $$"""
            {
              // local development
              "OpenAI": { "ApiKey": "{{Key}}", "Model": "gpt-6-luna" },
              "Other": { "api_key": "sk-your-key-here", "Endpoint": "{{Key}}" },
              "Keys": [ { "Key": "{{Key}}" } ]
            }
            """);
        document = Workbench.WithAdditionalFile(document, "appsettings.Broken.json", "{ \"ApiKey\": ");
        document = Workbench.WithAdditionalFile(document, "secrets.json", $$"""{ "ApiKey": "{{Key}}" }""");

        // The broken file's own note (MDL0900) is SettingsModelTests' concern: here, no key is made up from it.
        var diagnostics = (await Workbench.AnalyzeAsync(document)).Where(d => d.Id == "MDL0006").Select(Workbench.Describe).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "MDL0006 appsettings.Development.json(3,25): An OpenAI API key ('sk-proj-\u2026Yz6B') is hard-coded: anyone who can read the source or the binary can use it. Rotate the key and read it from configuration or the OPENAI_API_KEY environment variable.",
                "MDL0006 appsettings.Development.json(5,22): An OpenAI API key ('sk-proj-\u2026Yz6B') is hard-coded: anyone who can read the source or the binary can use it. Rotate the key and read it from configuration or the OPENAI_API_KEY environment variable.",
            },
            diagnostics);
    }
}

using Newtonsoft.Json.Linq;
using ModelAnalyzers.IntegrationTests.Infrastructure;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests;

/// <summary>
/// The packed package in a real editor host: csharp-ls 0.28.0 loads a fresh project that references it, and is asked
/// over the Language Server Protocol what an editor asks. What the host does not surface is asserted as such and
/// written down in docs/ide.md.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LanguageServerTests
{
    private const string Program = """
        using OpenAI.Chat;

        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "";
        var chat = new ChatClient("gpt-4", key);
        var shared = new ChatClient(Models.Legacy, key);
        Console.WriteLine($"{chat}{shared}");
        """;

    private const string Models = """
        static class Models
        {
            public const string Legacy = "o1";
        }
        """;

    private readonly PackageFixture _package;

    public LanguageServerTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task TheEditorHostShowsTheWarningsAsYouTypeAndListsWhatItCanFix()
    {
        using var project = await ConsumerProject.CreateAsync(_package, Program, editorConfig: "model_analyzers.as_of_date = 2026-12-04");
        project.Write("Models.cs", Models);
        string programPath = Path.Combine(project.Directory, "Program.cs");
        string modelsPath = Path.Combine(project.Directory, "Models.cs");
        string programUri = new Uri(programPath).AbsoluteUri;
        string modelsUri = new Uri(modelsPath).AbsoluteUri;

        await using var server = await LanguageServer.StartAsync(RepositoryFiles.Root, project.Directory);
        string root = new Uri(project.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        await server.RequestAsync("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JArray(new JObject { ["uri"] = root, ["name"] = "consumer" }),
            ["capabilities"] = new JObject
            {
                ["workspace"] = new JObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JObject
                {
                    ["diagnostic"] = new JObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JObject(),
                    ["codeAction"] = new JObject
                    {
                        ["codeActionLiteralSupport"] = new JObject { ["codeActionKind"] = new JObject { ["valueSet"] = new JArray("quickfix", "refactor") } },
                    },
                },
            },
            ["initializationOptions"] = new JObject { ["csharp"] = new JObject { ["analyzersEnabled"] = true } },
        });
        await server.NotifyAsync("initialized", new JObject());
        await server.NotifyAsync("workspace/didChangeConfiguration", new JObject { ["settings"] = new JObject { ["csharp"] = new JObject { ["analyzersEnabled"] = true } } });
        await server.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = programUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(programPath) },
        });

        // The analyzers run inside the host: MDL0001 at the literal, with the message and the rule's help link.
        var gpt4 = await WaitForAsync(server, programUri, d => (string?)d["code"] == "MDL0001" && ((string?)d["message"])!.StartsWith("'gpt-4' was shut down", StringComparison.Ordinal));
        Assert.Equal((3, 26, 3, 33), Range(gpt4));
        Assert.Equal("https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/rules/MDL0001.md", (string?)gpt4["codeDescription"]?["href"]);

        // Code actions at the diagnostic: csharp-ls lists Roslyn's own fixes and refactorings only (it instantiates code
        // fix providers from Roslyn's Features assemblies, not from a project's analyzer references): the package's
        // "Use 'gpt-6.1-sol'" is not among them. docs/ide.md says so; if a later host lists them, this fails and the
        // page must be updated.
        var actions = await server.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = programUri },
            ["range"] = gpt4["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(gpt4) },
        });
        var titles = (actions as JArray ?? new JArray()).Select(a => (string?)a["title"] ?? "").ToList();
        Assert.DoesNotContain(titles, t => t.StartsWith("Use '", StringComparison.Ordinal));

        // Typing, unsaved: a new model literal gets its own diagnostic in the next pull.
        string edited = File.ReadAllText(programPath).Replace("\"gpt-4\"", "\"gpt-3.5-turbo\"", StringComparison.Ordinal);
        await server.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = programUri, ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject { ["text"] = edited }),
        });
        var typed = await WaitForAsync(server, programUri, d => (string?)d["code"] == "MDL0001" && ((string?)d["message"])!.StartsWith("'gpt-3.5-turbo' was shut down", StringComparison.Ordinal));
        Assert.Equal((3, 26, 3, 41), Range(typed));
        Assert.Contains("gpt-4\"", File.ReadAllText(programPath)); // nothing was saved

        // A constant in another file, used here: reported where it is declared, in that document's diagnostics.
        await server.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = modelsUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = Models },
        });
        var crossFile = await WaitForAsync(server, modelsUri, d => (string?)d["code"] == "MDL0001" && ((string?)d["message"])!.StartsWith("'o1' was shut down", StringComparison.Ordinal));
        Assert.Equal((2, 33, 2, 37), Range(crossFile));
    }

    private static (int, int, int, int) Range(JToken diagnostic) =>
        ((int)diagnostic["range"]!["start"]!["line"]!, (int)diagnostic["range"]!["start"]!["character"]!,
         (int)diagnostic["range"]!["end"]!["line"]!, (int)diagnostic["range"]!["end"]!["character"]!);

    /// <summary>Pulls the document's diagnostics (textDocument/diagnostic) until one matches; the project loads first.</summary>
    private static async Task<JToken> WaitForAsync(LanguageServer server, string uri, Func<JToken, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var last = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            var report = await server.RequestAsync("textDocument/diagnostic", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
            var items = report["items"] as JArray ?? new JArray();
            if (items.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            last = items.Select(i => $"{i["code"]}: {i["message"]}").ToList();
            await Task.Delay(1000);
        }

        Assert.Fail($"no matching diagnostic in {uri} within 3 minutes; last pull: {string.Join(" | ", last)}\nserver log:\n{server.Log()}");
        return null!;
    }
}

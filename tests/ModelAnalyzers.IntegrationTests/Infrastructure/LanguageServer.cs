using System.Diagnostics;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace ModelAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// csharp-ls (restored through the repository's tool manifest, .config/dotnet-tools.json) driven over stdio as an editor
/// drives it: LSP's Content-Length framing and JSON-RPC come from StreamJsonRpc, the messages are plain JSON.
/// </summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonRpc _rpc;
    private readonly List<string> _log = new();

    private LanguageServer(Process process)
    {
        _process = process;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));

        // Requests and notifications the server sends an editor: answered as a minimal editor answers them.
        _rpc.AddLocalRpcMethod("workspace/configuration", new Func<JToken, JToken>(p =>
            new JArray(((JArray?)p["items"] ?? new JArray()).Select(_ => (JToken)new JObject { ["analyzersEnabled"] = true }))));
        _rpc.AddLocalRpcMethod("client/registerCapability", new Func<JToken, JToken?>(_ => null));
        _rpc.AddLocalRpcMethod("window/workDoneProgress/create", new Func<JToken, JToken?>(_ => null));
        _rpc.AddLocalRpcMethod("window/logMessage", new Action<JToken>(p => Log((string?)p["message"])));
        _rpc.AddLocalRpcMethod("window/showMessage", new Action<JToken>(p => Log((string?)p["message"])));
        _rpc.AddLocalRpcMethod("$/progress", new Action<JToken>(_ => { }));
        _rpc.AddLocalRpcMethod("textDocument/publishDiagnostics", new Action<JToken>(_ => { }));
        _rpc.StartListening();
    }

    /// <summary>What the server logged (for a failing test's message).</summary>
    public string Log() { lock (_log) { return string.Join("\n", _log.TakeLast(40)); } }

    private void Log(string? message)
    {
        lock (_log)
        {
            _log.Add(message ?? "");
        }
    }

    /// <summary>Restores the tool manifest's csharp-ls and starts it in <paramref name="workspace"/>.</summary>
    public static async Task<LanguageServer> StartAsync(string repositoryRoot, string workspace)
    {
        var restore = await DotNet.RunAsync(repositoryRoot, "tool", "restore");
        Assert.True(restore.ExitCode == 0, "dotnet tool restore failed: " + restore);

        // Started as a user starts a manifest tool (`dotnet tool run`, from the folder that holds the manifest), not from
        // a DLL path under a packages folder: a machine whose tool cache lives elsewhere works the same. The project it
        // opens comes from the rootUri that initialize sends.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new LanguageServer(process);
    }

    public Task<JToken> RequestAsync(string method, object parameters, CancellationToken cancellationToken = default) =>
        _rpc.InvokeWithParameterObjectAsync<JToken>(method, JToken.FromObject(parameters), cancellationToken);

    public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, JToken.FromObject(parameters));

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RequestAsync("shutdown", new JObject(), timeout.Token);
            await NotifyAsync("exit", new JObject());
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionLostException or RemoteInvocationException or ObjectDisposedException)
        {
            // A server that is already gone needs no shutdown.
        }

        _rpc.Dispose();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

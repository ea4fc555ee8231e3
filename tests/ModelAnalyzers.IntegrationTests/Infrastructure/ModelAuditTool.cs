using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// model-audit as built next to the tests (the test project builds it first), run as a separate process as users run
/// it: its net10.0 build, the one `dotnet tool install` takes on this machine's runtime.
/// </summary>
internal static class ModelAuditTool
{
    public static string Path { get; } = Directory.GetFiles(RepositoryFiles.PathOf("src/ModelAnalyzers.Cli/bin"), "model-audit.dll", SearchOption.AllDirectories)
        .Where(p => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(p)) == "net10.0")
        .OrderByDescending(File.GetLastWriteTimeUtc).First();

    public static Task<CommandResult> RunAsync(string directory, params string[] arguments) =>
        DotNet.RunAsync(directory, new[] { Path }.Concat(arguments).ToArray());
}

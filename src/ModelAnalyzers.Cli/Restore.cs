using System.Diagnostics;

namespace ModelAnalyzers.Cli;

/// <summary>Runs `dotnet restore` on the entry, as `dotnet build` would: without packages the SDK types are missing.</summary>
internal static class Restore
{
    public static async Task<bool> RunAsync(string entry, Progress progress)
    {
        progress.Report($"restoring {Path.GetFileName(entry)}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "restore", entry, "-nologo", "-verbosity:quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        // Drain both pipes so a chatty restore cannot block on a full buffer.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        return process.ExitCode == 0;
    }
}

using System.Reflection;

namespace ModelAnalyzers.Cli;

/// <summary>
/// The last resort for an exception no reader or writer expected: one short line with the tool's version, the details
/// in a log file (or on the console with --verbose), and exit code 3; never a bare stack trace.
/// </summary>
internal static class Crash
{
    public static int Report(Exception e, bool verbose, TextWriter error)
    {
        string version = typeof(Crash).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(Crash).Assembly.GetName().Version?.ToString() ?? "?";
        error.WriteLine($"model-audit {version}: unexpected error: {e.GetType().Name}: {e.Message}");
        if (verbose)
        {
            error.WriteLine(e.ToString());
        }
        else
        {
            try
            {
                string log = Path.Combine(Path.GetTempPath(), $"model-audit-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
                File.WriteAllText(log, $"model-audit {version}\n{e}\n");
                error.WriteLine($"model-audit: the details are in {log} (or run again with --verbose); please report it with that file");
            }
            catch (IOException)
            {
                error.WriteLine("model-audit: run again with --verbose for the details");
            }
            catch (UnauthorizedAccessException)
            {
                error.WriteLine("model-audit: run again with --verbose for the details");
            }
        }

        return Commands.NotCompleted;
    }
}

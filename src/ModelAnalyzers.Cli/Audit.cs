using ModelAnalyzers.Cli.Gates;

namespace ModelAnalyzers.Cli;

/// <summary>One audit run: restore, analyze every project with the package's analyzers, report, and with --fix write the fixes.</summary>
internal static class Audit
{
    /// <summary>model-audit baseline: audits as usual and writes every finding's fingerprint (docs/ci.md).</summary>
    public static async Task<int> WriteBaselineAsync(AuditOptions options, string? output, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(options, "model-audit baseline", cancellationToken);
        if (loaded.ExitCode is int failed)
        {
            return failed;
        }

        string root = Path.GetDirectoryName(loaded.Entry)!;
        string file = output ?? Path.Combine(root, Baseline.DefaultFileName);
        var findings = loaded.Report.Findings.Select(f => (f, RelativePath.Of(root, f.File), f.Shape)).ToList();
        await AtomicFile.WriteAsync(file, Baseline.Write(findings));
        Console.WriteLine($"model-audit baseline: wrote {findings.Count} finding(s) to {file}");
        return 0;
    }

    public static async Task<int> RunAsync(AuditOptions options, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(options, "model-audit", cancellationToken);
        if (loaded.ExitCode is int failed)
        {
            return failed;
        }

        var (_, entry, report, changes) = loaded;
        try
        {
            await PullRequestGate.ApplyAsync(report, options, entry);
        }
        catch (Exception e) when (e is GateException or FormatException)
        {
            Console.Error.WriteLine($"model-audit: {e.Message}");
            return Commands.UsageError;
        }

        // The whole report (or diff) is rendered first: --output is written whole or not at all.
        var writer = options.Output is null ? Console.Out : new StringWriter();
        if (options.Fix && options.DryRun)
        {
            foreach (var change in changes)
            {
                writer.Write(UnifiedDiff.Create(RelativePath.Of(Path.GetDirectoryName(entry)!, change.Path), change.Before, change.After));
            }
        }
        else
        {
            Reports.Write(report, options.Format, writer, color: options.Output is null && !Console.IsOutputRedirected);
        }

        if (options.Output is not null)
        {
            try
            {
                await AtomicFile.WriteAsync(options.Output, writer.ToString()!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"model-audit: cannot write '{options.Output}': {e.Message}");
                return Commands.NotCompleted;
            }
        }

        if (options.Fix && !options.DryRun)
        {
            foreach (var change in changes)
            {
                await AtomicFile.WriteAsync(change.Path, change.After, change.Encoding);
            }

            Console.Error.WriteLine($"model-audit: fixed {changes.Count} file(s)");
        }

        return PullRequestGate.Fails(report, options) ? 1 : 0;
    }

    /// <summary>
    /// What every command that audits does first: find the solution, restore, run the analyzers, and say which projects
    /// did not load. An exit code when nothing can be audited (2: no such path; 3: nothing loaded).
    /// </summary>
    private static async Task<(int? ExitCode, string Entry, AuditReport Report, IReadOnlyList<FileChange> Changes)> LoadAsync(
        AuditOptions options, string command, CancellationToken cancellationToken)
    {
        if (Auditor.ResolveEntry(options.Path) is not { } entry)
        {
            Console.Error.WriteLine(Directory.Exists(options.Path)
                ? $"{command}: '{options.Path}' holds no single .sln, .slnx or .csproj; pass one of them"
                : $"{command}: '{options.Path}' does not exist");
            return (Commands.UsageError, "", null!, Array.Empty<FileChange>());
        }

        var progress = new Progress(Console.Error, enabled: !Console.IsErrorRedirected);
        if (options.Restore && !await Restore.RunAsync(entry, progress))
        {
            Console.Error.WriteLine($"{command}: 'dotnet restore' failed for '{entry}'; projects that are not restored are reported as such");
        }

        AuditReport report;
        IReadOnlyList<FileChange> changes;
        try
        {
            (report, changes) = await new Auditor(options, progress).RunAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            // No .NET SDK for MSBuild, an unreadable solution, ...
            Console.Error.WriteLine($"{command}: could not load '{entry}': {e.Message}");
            return (Commands.NotCompleted, entry, null!, Array.Empty<FileChange>());
        }

        foreach (var failed in report.Projects.Where(p => p.Error is not null))
        {
            Console.Error.WriteLine($"{command}: {failed.Name}: {failed.Error}");
        }

        if (report.Projects.Count == 0 || report.Projects.All(p => p.Error is not null))
        {
            Console.Error.WriteLine($"{command}: no C# project could be audited; nothing was written");
            return (Commands.NotCompleted, entry, report, changes);
        }

        return (null, entry, report, changes);
    }
}

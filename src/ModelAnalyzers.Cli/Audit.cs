namespace ModelAnalyzers.Cli;

/// <summary>One audit run: restore, analyze every project with the package's analyzers, report, and with --fix write the fixes.</summary>
internal static class Audit
{
    public static async Task<int> RunAsync(AuditOptions options, CancellationToken cancellationToken)
    {
        if (Auditor.ResolveEntry(options.Path) is not { } entry)
        {
            Console.Error.WriteLine(Directory.Exists(options.Path)
                ? $"model-audit: '{options.Path}' holds no single .sln, .slnx or .csproj; pass one of them"
                : $"model-audit: '{options.Path}' does not exist");
            return Commands.UsageError;
        }

        var progress = new Progress(Console.Error, enabled: !Console.IsErrorRedirected);
        if (options.Restore && !await Restore.RunAsync(entry, progress))
        {
            Console.Error.WriteLine($"model-audit: 'dotnet restore' failed for '{entry}'; projects that are not restored are reported as such");
        }

        (AuditReport report, IReadOnlyList<FileChange> changes) result;
        try
        {
            result = await new Auditor(options, progress).RunAsync(entry, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            // No .NET SDK for MSBuild, an unreadable solution, ...
            Console.Error.WriteLine($"model-audit: could not load '{entry}': {e.Message}");
            return Commands.NotCompleted;
        }

        var (report, changes) = result;
        foreach (var failed in report.Projects.Where(p => p.Error is not null))
        {
            Console.Error.WriteLine($"model-audit: {failed.Name}: {failed.Error}");
        }

        if (report.Projects.Count == 0 || report.Projects.All(p => p.Error is not null))
        {
            Console.Error.WriteLine("model-audit: no C# project could be audited");
            return Commands.NotCompleted;
        }

        // The whole report (or diff) is rendered first: --output is written whole or not at all.
        var writer = options.Output is null ? Console.Out : new StringWriter();
        if (options.Fix && options.DryRun)
        {
            foreach (var change in changes)
            {
                writer.Write(UnifiedDiff.Create(Path.GetRelativePath(Path.GetDirectoryName(entry)!, change.Path).Replace('\\', '/'), change.Before, change.After));
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

        // --fail-on: retired fails on retired; deprecated on deprecated or retired; costlier on any of the three.
        int Rank(string status) => status switch { "retired" => 1, "deprecated" => 2, "costlier" => 3, _ => int.MaxValue };
        // With --usage, only models that still have traffic in the exports count ("fail when a retired model is still called").
        var judged = report.UsageFiles.Count > 0 ? report.Models.Where(m => m.Usage is { Requests: > 0 } or { InputTokens: > 0 }) : report.Models;
        return options.FailOn != FailOn.None && judged.Any(m => Rank(m.Status) <= (int)options.FailOn) ? 1 : 0;
    }
}

using System.Globalization;

namespace ModelAnalyzers.Cli;

internal enum ReportFormat
{
    Console,
    Markdown,
    Json,
    Sarif,
}

/// <summary>The lowest status that makes the run fail (exit code 1): retired &lt; deprecated &lt; costlier.</summary>
internal enum FailOn
{
    None,
    Retired,
    Deprecated,
    Costlier,
}

/// <summary>The command line, parsed. Every option is documented in docs/cli.md.</summary>
internal sealed class AuditOptions
{
    public const string Usage = """
        Usage: model-audit [path] [options]

          path                         a .sln, .slnx, .csproj or a folder holding one (default: the current folder)
          --format <f>                 console (default), markdown, json or sarif
          --output <file>              write the report to a file instead of stdout
          --fix [target]               apply the fixes (default: each site's first offered target) and write the files
          --dry-run                    with --fix: print a unified diff instead of writing
          --fail-on <status>           exit with 1 when a model is retired, deprecated (or retired) or costlier (or worse)
          --monthly-input-tokens <n>   monthly input tokens, for savings in dollars per month
          --monthly-output-tokens <n>  monthly output tokens
          --as-of <yyyy-MM-dd>         judge lifecycles at this date (default: today)
          --usage <file>               usage export (OpenAI Usage API JSON, dashboard CSV or Azure FOCUS CSV; repeatable): dollars per model
                                       at the exported traffic; with --fail-on, only models with traffic count
          --no-restore                 do not run 'dotnet restore' first
          -h, --help                   show this help

        Exit codes: 0 done, 1 --fail-on matched, 2 usage error or missing path, 3 nothing could be loaded.
        """;

    public string Path { get; private set; } = ".";

    public ReportFormat Format { get; private set; } = ReportFormat.Console;

    public string? Output { get; private set; }

    public bool Fix { get; private set; }

    public string? FixTarget { get; private set; }

    public bool DryRun { get; private set; }

    public FailOn FailOn { get; private set; }

    public long? MonthlyInputTokens { get; private set; }

    public long? MonthlyOutputTokens { get; private set; }

    public DateTime AsOf { get; private set; } = DateTime.UtcNow.Date;

    public bool Help { get; private set; }

    /// <summary>Usage exports (--usage, repeatable): OpenAI Usage API responses, the dashboard's CSV, Azure FOCUS cost exports.</summary>
    public List<string> UsageFiles { get; } = new();

    /// <summary>Like dotnet build, the audit restores first unless told not to (MSBuildWorkspace itself never restores).</summary>
    public bool Restore { get; private set; } = true;

    /// <summary>Parses the arguments; returns the problem as text when they are not usable.</summary>
    public static (AuditOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new AuditOptions();
        bool pathSeen = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? Next() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--format":
                    string? format = Next();
                    if (!Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var parsed))
                    {
                        return (null, $"--format must be console, markdown, json or sarif (got '{format}')");
                    }

                    options.Format = parsed;
                    break;
                case "--output":
                    options.Output = Next() ?? (string?)null;
                    if (options.Output is null)
                    {
                        return (null, "--output needs a file name");
                    }

                    break;
                case "--fix":
                    options.Fix = true;
                    // A following word that is not a path on disk is the target (model ids never exist as files).
                    if (i + 1 < args.Count && !args[i + 1].StartsWith("-", StringComparison.Ordinal) && !File.Exists(args[i + 1]) && !Directory.Exists(args[i + 1]))
                    {
                        options.FixTarget = args[++i];
                    }

                    break;
                case "--no-restore":
                    options.Restore = false;
                    break;
                case "--dry-run":
                    options.DryRun = true;
                    break;
                case "--fail-on":
                    string? failOn = Next();
                    if (failOn is null || !Enum.TryParse<FailOn>(failOn, ignoreCase: true, out var level) || level == FailOn.None)
                    {
                        return (null, $"--fail-on must be retired, deprecated or costlier (got '{failOn}')");
                    }

                    options.FailOn = level;
                    break;
                case "--monthly-input-tokens" or "--monthly-output-tokens":
                    string? count = Next();
                    if (!long.TryParse(count, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out long tokens) || tokens < 0)
                    {
                        return (null, $"{arg} must be a non-negative whole number (got '{count}')");
                    }

                    if (arg == "--monthly-input-tokens")
                    {
                        options.MonthlyInputTokens = tokens;
                    }
                    else
                    {
                        options.MonthlyOutputTokens = tokens;
                    }

                    break;
                case "--as-of":
                    string? date = Next();
                    if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
                    {
                        return (null, $"--as-of must be a date as yyyy-MM-dd (got '{date}')");
                    }

                    options.AsOf = asOf;
                    break;
                case "--usage":
                    if (Next() is not { } usage)
                    {
                        return (null, "--usage needs a file (an OpenAI Usage API response, the usage dashboard's CSV export or an Azure FOCUS cost export)");
                    }

                    options.UsageFiles.Add(usage);
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) || pathSeen)
                    {
                        return (null, $"unknown argument '{arg}'");
                    }

                    options.Path = arg;
                    pathSeen = true;
                    break;
            }
        }

        if (options.DryRun && !options.Fix)
        {
            return (null, "--dry-run only makes sense with --fix");
        }

        return (options, null);
    }
}

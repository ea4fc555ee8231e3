using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ModelAnalyzers.Cli.CatalogUpdate;

namespace ModelAnalyzers.Cli;

/// <summary>
/// The command line (System.CommandLine): `model-audit [path] [options]` and `model-audit catalog update [options]`,
/// with help, validation and exit codes: 0 done, 1 --fail-on matched, 2 usage error or missing path, 3 the audit could not
/// be completed (nothing loaded, or an unexpected error: a short message with the tool's version, the details in a file).
/// </summary>
internal static class Commands
{
    public const int UsageError = 2;

    public const int NotCompleted = 3;

    public static RootCommand Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "A .sln, .slnx or .csproj, or a folder holding exactly one (default: the current folder)",
            DefaultValueFactory = _ => ".",
        };
        var format = new Option<ReportFormat>("--format")
        {
            Description = "The report format (default: console)",
            HelpName = "console|markdown|json|sarif|github|azure",
            CustomParser = r => ParseEnum(r, ReportFormat.Console, "--format must be console, markdown, json, sarif, github or azure"),
        };
        var output = new Option<string?>("--output") { Description = "Write the report (or the diff) to this file instead of stdout", HelpName = "file" };
        var fix = new Option<bool>("--fix") { Description = "Apply the fixes and write the files: each site moves to its recommendation (the model its message names)" };
        var target = new Option<string?>("--target")
        {
            Description = "With --fix: move every retired, deprecated or costlier site that offers this model to it",
            HelpName = "model",
        };
        var onlyModel = new Option<string?>("--model")
        {
            Description = "With --fix: only the sites of this model are fixed (one migration pull request per model)",
            HelpName = "model",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --fix: print a unified diff instead of writing" };
        var failOn = new Option<FailOn>("--fail-on")
        {
            Description = "Exit with 1 when a model is retired, deprecated (or retired), or costlier (or worse)",
            HelpName = "retired|deprecated|costlier",
            CustomParser = r => ParseEnum(r, FailOn.None, "--fail-on must be retired, deprecated or costlier", reject: FailOn.None),
        };
        var monthlyInput = new Option<long?>("--monthly-input-tokens") { Description = "Monthly input tokens, for savings in dollars per month", HelpName = "n", CustomParser = r => ParseCount(r, "--monthly-input-tokens") };
        var monthlyOutput = new Option<long?>("--monthly-output-tokens") { Description = "Monthly output tokens", HelpName = "n", CustomParser = r => ParseCount(r, "--monthly-output-tokens") };
        var asOf = new Option<DateTime?>("--as-of") { Description = "Judge lifecycles at this date (default: today)", HelpName = "yyyy-MM-dd", CustomParser = r => ParseDate(r, "--as-of") };
        var usage = new Option<string[]>("--usage")
        {
            Description = "A usage export (repeatable): OpenAI Usage API JSON, the usage dashboard's CSV or Azure's FOCUS cost export; "
                + "dollars per model at the exported traffic, and with --fail-on only models with traffic count",
            HelpName = "file",
        };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run 'dotnet restore' first" };
        var baseline = new Option<string?>("--baseline") { Description = "The team's accepted findings (model-audit baseline): the others are new, and only new ones count for --fail-on", HelpName = "file" };
        var changedSince = new Option<string?>("--changed-since") { Description = "Only findings on lines changed since this git ref (a pull request's base) are reported and counted", HelpName = "ref" };
        var verbose = new Option<bool>("--verbose") { Description = "On an unexpected error, print the details (stack trace) too", Recursive = true };

        var root = new RootCommand("model-audit: every OpenAI model in a .NET solution, its status, the suggested target and the saving; applies the ModelAnalyzers fixes.")
        {
            path, format, output, fix, target, onlyModel, dryRun, failOn, monthlyInput, monthlyOutput, asOf, usage, noRestore, baseline, changedSince, verbose,
        };
        root.Validators.Add(r =>
        {
            if (r.GetValue(dryRun) && !r.GetValue(fix))
            {
                r.AddError("--dry-run only makes sense with --fix");
            }

            if (r.GetValue(target) is not null && !r.GetValue(fix))
            {
                r.AddError("--target only makes sense with --fix");
            }

            if (r.GetValue(onlyModel) is not null && !r.GetValue(fix))
            {
                r.AddError("--model only makes sense with --fix");
            }
        });
        root.SetAction((parse, cancellationToken) => Audit.RunAsync(
            new AuditOptions
            {
                Path = parse.GetValue(path) ?? ".",
                Format = parse.GetValue(format),
                Output = parse.GetValue(output),
                Fix = parse.GetValue(fix),
                FixTarget = parse.GetValue(target),
                FixModel = parse.GetValue(onlyModel),
                DryRun = parse.GetValue(dryRun),
                FailOn = parse.GetValue(failOn),
                MonthlyInputTokens = parse.GetValue(monthlyInput),
                MonthlyOutputTokens = parse.GetValue(monthlyOutput),
                AsOf = parse.GetValue(asOf) ?? DateTime.UtcNow.Date,
                UsageFiles = parse.GetValue(usage) ?? Array.Empty<string>(),
                Restore = !parse.GetValue(noRestore),
                Baseline = parse.GetValue(baseline),
                ChangedSince = parse.GetValue(changedSince),
            },
            cancellationToken));

        root.Subcommands.Add(BaselineCommand(asOf, noRestore));
        root.Subcommands.Add(DeploymentsCommand(asOf));

        root.Subcommands.Add(new Command("catalog", "The model catalog") { CatalogUpdateCommand() });
        return root;
    }

    /// <summary>Parses and runs: a usage error is printed with its command's name and exits with 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            string command = string.Join(' ', new[] { "model-audit" }.Concat(Path(parse.CommandResult)));
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"{command}: {error.Message}");
            }

            Console.Error.WriteLine($"Run '{command} --help' for the options.");
            return UsageError;
        }

        try
        {
            // Our own handler instead of System.CommandLine's, which prints a bare stack trace and exits with 1.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("model-audit: cancelled");
            return NotCompleted;
        }
        catch (Exception e)
        {
            return Crash.Report(e, verbose: args.Contains("--verbose"), Console.Error);
        }
    }

    /// <summary>model-audit baseline [path] [--output file]: the current findings as the team's accepted ones.</summary>
    private static Command BaselineCommand(Option<DateTime?> asOf, Option<bool> noRestore)
    {
        var path = new Argument<string>("path") { Description = "A .sln, .slnx or .csproj, or a folder holding exactly one (default: the current folder)", DefaultValueFactory = _ => "." };
        var output = new Option<string?>("--output") { Description = "The baseline file (default: model-audit.baseline.json beside the solution or project)", HelpName = "file" };
        var command = new Command("baseline", "Write the current findings to a reviewable baseline file: later audits with --baseline report only new ones")
        {
            path, output, asOf, noRestore,
        };
        command.SetAction((parse, cancellationToken) => Audit.WriteBaselineAsync(
            new AuditOptions { Path = parse.GetValue(path) ?? ".", AsOf = parse.GetValue(asOf) ?? DateTime.UtcNow.Date, Restore = !parse.GetValue(noRestore) },
            parse.GetValue(output),
            cancellationToken));
        return command;
    }

    /// <summary>model-audit deployments [path] [--write-overlay [file]] [--dry-run]: the deployments infrastructure code declares.</summary>
    private static Command DeploymentsCommand(Option<DateTime?> asOf)
    {
        var path = new Argument<string>("path") { Description = "The folder whose Bicep, ARM JSON and Terraform files are read (default: the current folder)", DefaultValueFactory = _ => "." };
        var writeOverlay = new Option<string?>("--write-overlay")
        {
            Description = "Write the deployments map into this catalog overlay (default: modelanalyzers.models.json in the folder), "
                + "so builds and the IDE judge GetChatClient(\"chat\") by what \"chat\" runs",
            HelpName = "file",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --write-overlay: print the diff; write nothing" };
        var command = new Command("deployments", "List the Azure OpenAI deployments infrastructure code declares, judged by Azure's calendar (docs/azure.md)")
        {
            path, asOf, writeOverlay, dryRun,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(dryRun) && r.GetResult(writeOverlay) is null)
            {
                r.AddError("--dry-run only makes sense with --write-overlay");
            }
        });
        command.SetAction((parse, _) =>
        {
            string folder = parse.GetValue(path) ?? ".";
            string? overlay = parse.GetResult(writeOverlay) is null
                ? null
                : parse.GetValue(writeOverlay) ?? System.IO.Path.Combine(Directory.Exists(folder) ? folder : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(folder)) ?? ".", "modelanalyzers.models.json");
            return Cli.DeploymentsCommand.RunAsync(folder, parse.GetValue(asOf) ?? DateTime.UtcNow.Date, overlay, parse.GetValue(dryRun), Console.Out, Console.Error);
        });
        return command;
    }

    private static Command CatalogUpdateCommand()
    {
        var deprecations = new Option<string?>("--deprecations") { Description = "deprecations.info's data.json (OpenAI rows): notice, shutdown, replacement", HelpName = "file|url" };
        var prices = new Option<string?>("--prices") { Description = "LiteLLM's model_prices_and_context_window.json: prices, limits, flags", HelpName = "file|url" };
        var pricesDate = new Option<DateTime?>("--prices-date")
        {
            Description = "The day the price file was fetched (without it, the catalog's values win conflicts)",
            HelpName = "yyyy-MM-dd",
            CustomParser = r => ParseDate(r, "--prices-date"),
        };
        var api = new Option<bool>("--openai-models") { Description = "GET https://api.openai.com/v1/models with OPENAI_API_KEY: ids and shutdown_date" };
        var apiFile = new Option<string?>("--openai-models-file") { Description = "A saved /v1/models response instead", HelpName = "file" };
        var azureSchedule = new Option<string?>("--azure-schedule")
        {
            Description = "Microsoft's model retirement schedule page (the Markdown include in MicrosoftDocs/azure-ai-docs): Azure dates per model version",
            HelpName = "file|url",
        };
        var output = new Option<string>("--output") { Description = "The overlay to write", HelpName = "file", DefaultValueFactory = _ => "modelanalyzers.models.json" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the summary and the diff; write nothing" };
        var update = new Command("update", "Write or refresh a catalog overlay from the feeds teams already use (docs/data-freshness.md)")
        {
            deprecations, prices, pricesDate, api, apiFile, azureSchedule, output, dryRun,
        };
        update.Validators.Add(r =>
        {
            if (r.GetValue(deprecations) is null && r.GetValue(prices) is null && r.GetValue(apiFile) is null && !r.GetValue(api) && r.GetValue(azureSchedule) is null)
            {
                r.AddError("name at least one feed: --deprecations, --prices, --openai-models, --openai-models-file or --azure-schedule");
            }
        });
        update.SetAction((parse, _) => CatalogCommand.RunAsync(
            new CatalogUpdateOptions(parse.GetValue(deprecations), parse.GetValue(prices), parse.GetValue(pricesDate), parse.GetValue(api),
                parse.GetValue(apiFile), parse.GetValue(output)!, parse.GetValue(dryRun), parse.GetValue(azureSchedule)),
            Console.Out,
            Console.Error));
        return update;
    }

    /// <summary>The subcommand's words below the root ("catalog update"); none for the root itself.</summary>
    private static IEnumerable<string> Path(SymbolResult? result)
    {
        var names = new Stack<string>();
        for (var at = result; at is CommandResult { Command: not RootCommand } command; at = at.Parent)
        {
            names.Push(command.Command.Name);
        }

        return names;
    }

    private static T ParseEnum<T>(ArgumentResult result, T fallback, string message, T? reject = null)
        where T : struct, Enum
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) && !value.Equals(reject)
            ? value
            : Error(result, fallback, $"{message} (got '{text}')");
    }

    private static long? ParseCount(ArgumentResult result, string name)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        return long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out long n) && n >= 0
            ? n
            : Error<long?>(result, null, $"{name} must be a non-negative whole number (got '{text}')");
    }

    private static DateTime? ParseDate(ArgumentResult result, string name)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Error<DateTime?>(result, null, $"{name} must be a date as yyyy-MM-dd (got '{text}')");
    }

    private static T Error<T>(ArgumentResult result, T fallback, string message)
    {
        result.AddError(message);
        return fallback;
    }
}

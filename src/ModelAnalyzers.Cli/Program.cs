using ModelAnalyzers.Cli;

// model-audit [path] [options] and model-audit catalog update [options]: Commands, docs/cli.md, docs/data-freshness.md.
return await Commands.RunAsync(args);

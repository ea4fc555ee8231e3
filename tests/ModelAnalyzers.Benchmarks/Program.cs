using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ModelAnalyzers.Benchmarks;

// dotnet run -c Release --project tests/ModelAnalyzers.Benchmarks                 BenchmarkDotNet table, then the measurements table
// dotnet run -c Release --project tests/ModelAnalyzers.Benchmarks -- --smoke       a few seconds on a small corpus (CI keeps it from rotting)
// ... -- --measurements-only | --benchmarks-only                                 one of the two tables
if (args.Contains("--smoke"))
{
    Console.WriteLine(Measurements.Run(files: 20, fixAllFiles: 20, sitesPerFile: 10, longFileLines: 400, repeats: 1));
    return;
}

if (args.Contains("--write-project"))
{
    // A project on disk for timing dotnet build beside model-audit: --write-project DIR [files] [percent of files that use the SDK].
    var rest = args.SkipWhile(a => a != "--write-project").Skip(1).ToArray();
    ProjectWriter.Write(rest[0], rest.Length > 1 ? int.Parse(rest[1]) : 1000, rest.Length > 2 ? int.Parse(rest[2]) : 100);
    return;
}

if (args.Contains("--ide"))
{
    // The IDE case alone and beside the binding floor, split per analyzer: a minute, for before/after comparisons.
    Measurements.Ide(repeats: 30);
    return;
}

if (args.Contains("--whole"))
{
    // Whole-compilation execution time of ModelAnalyzers beside the symbol floor: a few minutes, for before/after comparisons.
    // An optional file count after it (--whole 300) makes a quicker run of the same corpus's first files.
    int files = args.SkipWhile(a => a != "--whole").Skip(1).Select(a => int.TryParse(a, out int n) ? n : 0).FirstOrDefault();
    Measurements.Whole(files > 0 ? files : 1000, repeats: 3);
    return;
}

if (args.Contains("--profile-ide"))
{
    // The IDE case alone, repeated, for a CPU profile of one document's analysis (same dotnet-trace command).
    Measurements.ProfileIde(repeats: 120);
    return;
}

if (args.Contains("--profile"))
{
    // For a CPU profile of ModelAnalyzers alone:
    // dotnet-trace collect --format speedscope -- dotnet tests/ModelAnalyzers.Benchmarks/bin/Release/net10.0/ModelAnalyzers.Benchmarks.dll --profile
    Measurements.Profile(files: 300, runs: 4);
    return;
}

if (!args.Contains("--measurements-only"))
{
    // Microsoft.CodeAnalysis.Testing ships a debug build; it only resolves reference assemblies in setup.
    var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
    BenchmarkRunner.Run<AnalysisBenchmarks>(config, args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
}

if (!args.Contains("--benchmarks-only"))
{
    Console.WriteLine(Measurements.Run(files: 1000, fixAllFiles: 1000, sitesPerFile: 10, longFileLines: 2000, repeats: 3));
}

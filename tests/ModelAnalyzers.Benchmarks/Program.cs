using BenchmarkDotNet.Running;
using ModelAnalyzers.Benchmarks;

// dotnet run -c Release --project tests/ModelAnalyzers.Benchmarks            full run: BenchmarkDotNet table, then the measurements table
// dotnet run -c Release --project tests/ModelAnalyzers.Benchmarks -- --smoke  a few seconds on a small corpus (CI keeps it from rotting)
if (args.Contains("--smoke"))
{
    Console.WriteLine(Measurements.Run(files: 20, fixAllFiles: 20, sitesPerFile: 10, longFileLines: 400, repeats: 1));
    return;
}

if (!args.Contains("--measurements-only"))
{
    BenchmarkRunner.Run<AnalysisBenchmarks>(args: args.Where(a => a != "--measurements-only").ToArray());
}

Console.WriteLine(Measurements.Run(files: 1000, fixAllFiles: 1000, sitesPerFile: 10, longFileLines: 2000, repeats: 3));

namespace ModelAnalyzers.Benchmarks;

/// <summary>
/// Writes the generated corpus as a project on disk, to time what users run on it: <c>dotnet build</c> (with the
/// analyzers, built from this repository) beside <c>model-audit</c> (docs/performance.md, "model-audit").
/// </summary>
internal static class ProjectWriter
{
    public static void Write(string directory, int files, int modelFilePercent)
    {
        Directory.CreateDirectory(directory);
        var sources = Corpus.Sources(files, seed: 1123, modelFilePercent, out int expected);
        foreach (var (name, source) in sources)
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }

        for (int i = 0; i < Corpus.SettingsFiles; i++)
        {
            File.WriteAllText(Path.Combine(directory, $"appsettings.{i}.json"), Corpus.SettingsText(i));
        }

        string analyzers = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "ModelAnalyzers.dll"));
        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <NoWarn>$(NoWarn);OPENAI001;CS0219;CS0168</NoWarn>
                <ModelAnalyzersAsOfDate>2026-12-07</ModelAnalyzersAsOfDate>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
                <CompilerVisibleProperty Include="ModelAnalyzersAsOfDate" />
              </ItemGroup>
              <ItemGroup Condition="'$(WithModelAnalyzers)' != 'false'">
                <Analyzer Include="{analyzers}" />
                <AdditionalFiles Include="appsettings*.json" />
              </ItemGroup>
            </Project>
            """);
        Console.WriteLine($"wrote {sources.Count} files ({modelFilePercent}% use the SDK) to {directory}; ModelAnalyzers must report {expected + Corpus.SettingsFiles} diagnostics");
    }
}

namespace ModelAnalyzers.IntegrationTests.Infrastructure;

/// <summary>A fresh net8.0 project in a temporary folder that uses the real OpenAI SDK and the packed analyzers.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static async Task<ConsumerProject> CreateAsync(PackageFixture package, string program, string? editorConfig = null, string? appSettings = null, params (string Id, string Version)[] packages)
    {
        string extraReferences = string.Concat(packages.Select(p => $"\n    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"));
        var project = new ConsumerProject(System.IO.Directory.CreateTempSubdirectory("modelanalyzers-consumer-").FullName);
        project.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ModelAnalyzersAsOfDate>2026-11-23</ModelAnalyzersAsOfDate>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />{extraReferences}
                <PackageReference Include="ModelAnalyzers" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        project.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        project.Write("Program.cs", program);
        if (editorConfig is not null)
        {
            project.Write(".editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n");
        }

        if (appSettings is not null)
        {
            project.Write("appsettings.json", appSettings);
        }

        var restore = await DotNet.RunAsync(project.Directory, "restore");
        Assert.True(restore.ExitCode == 0, "restore failed: " + restore);
        return project;
    }

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Directory, relativePath), text);

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public Task<CommandResult> BuildAsync(params string[] extra) =>
        DotNet.RunAsync(Directory, new[] { "build", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(extra).ToArray());

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test for.
        }
    }
}

namespace ModelAnalyzers.IntegrationTests.Infrastructure;

/// <summary>A folder of hand-written projects on the real OpenAI SDK (no package reference to ModelAnalyzers), for model-audit.</summary>
internal sealed class TempSolution : IDisposable
{
    /// <summary>A console project on net8.0 and OpenAI 2.15.0, as `dotnet new console` and `dotnet add package` leave it.</summary>
    public const string ConsoleProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net8.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="OpenAI" Version="2.15.0" />
          </ItemGroup>
        </Project>
        """;

    public TempSolution(string prefix) => Directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;

    public string Directory { get; }

    public void Write(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A console project named <paramref name="name"/> in its own folder, with its Program.cs.</summary>
    public void ConsoleApp(string name, string program)
    {
        Write($"{name}/{name}.csproj", ConsoleProject);
        Write($"{name}/Program.cs", program);
    }

    /// <summary>samples/DemoApp's program as a stand-alone Demo.csproj (not the sample's project references to this repository).</summary>
    public void CopyDemo()
    {
        Write("Demo.csproj", ConsoleProject);
        Write("Program.cs", File.ReadAllText(ModelAnalyzers.Tests.Infrastructure.RepositoryFiles.PathOf("samples/DemoApp/Program.cs")));
    }

    public async Task RestoreAsync(string entry)
    {
        var restore = await DotNet.RunAsync(Directory, "restore", entry);
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

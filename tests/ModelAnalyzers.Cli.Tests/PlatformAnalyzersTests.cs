using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>The audit leaves out the platform's analyzers and generators, and keeps a team's own generators.</summary>
public class PlatformAnalyzersTests
{
    private static readonly string Home = Path.Combine(Path.GetTempPath(), "home");
    private static readonly string DotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    [Theory]
    [InlineData("nuget", ".nuget/packages/microsoft.netcore.app.ref/8.0.11/analyzers/dotnet/cs/System.Text.Json.SourceGeneration.dll")]
    [InlineData("nuget", ".nuget/packages/microsoft.aspnetcore.app.ref/8.0.11/analyzers/dotnet/cs/Microsoft.AspNetCore.Http.Generators.dll")]
    [InlineData("dotnet", "packs/Microsoft.NETCore.App.Ref/10.0.12/analyzers/dotnet/cs/Microsoft.Interop.LibraryImportGenerator.dll")]
    [InlineData("dotnet", "sdk/10.0.401/Sdks/Microsoft.NET.Sdk/analyzers/Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")]
    [InlineData("nuget", ".nuget/packages/microsoft.extensions.logging.abstractions/8.0.2/analyzers/dotnet/roslyn4.4/cs/Microsoft.Extensions.Logging.Generators.dll")]
    [InlineData("nuget", ".nuget/packages/system.clientmodel/1.8.0/analyzers/dotnet/cs/System.ClientModel.SourceGeneration.dll")]
    [InlineData("nuget", ".nuget/packages/modelanalyzers/0.1.0/analyzers/dotnet/cs/ModelAnalyzers.dll")]
    public void ThePlatformsAnalyzersAreLeftOut(string root, string path) =>
        Assert.True(PlatformAnalyzers.IsPlatform(Reference(root, path)));

    [Theory]
    [InlineData("nuget", ".nuget/packages/acme.modelconstants/1.0.0/analyzers/dotnet/cs/Acme.ModelConstants.Generator.dll")]
    [InlineData("repo", "src/Generators/bin/Debug/netstandard2.0/Generators.dll")]
    [InlineData("nuget", ".nuget/packages/communitytoolkit.mvvm/8.2.2/analyzers/dotnet/roslyn4.3/cs/CommunityToolkit.Mvvm.SourceGenerators.dll")]
    public void ATeamsOwnGeneratorsStay(string root, string path) =>
        Assert.False(PlatformAnalyzers.IsPlatform(Reference(root, path)));

    private static AnalyzerFileReference Reference(string root, string path) =>
        new(Path.Combine(root switch { "dotnet" => DotnetRoot, "nuget" => Home, _ => Path.Combine(Home, "repo") }, path.Replace('/', Path.DirectorySeparatorChar)), new NoLoader());

    // The reference is only asked for its path here; nothing is loaded.
    private sealed class NoLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => throw new InvalidOperationException("not loaded in this test");
    }
}

using System.IO.Compression;

namespace ModelAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// Packs ModelAnalyzers once for the whole suite into a temporary local feed, with a version unique to this run so
/// no consumer ever restores a stale copy from the global packages folder.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Feed { get; } = Directory.CreateTempSubdirectory("modelanalyzers-feed-").FullName;

    public string Version { get; } = "0.1.0-it." + Guid.NewGuid().ToString("N")[..12];

    public string PackagePath => Path.Combine(Feed, $"ModelAnalyzers.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        var result = await DotNet.RunAsync(
            ModelAnalyzers.Tests.Infrastructure.RepositoryFiles.Root,
            "pack", "src/ModelAnalyzers.Package/ModelAnalyzers.Package.csproj", "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-nodeReuse:false");
        if (result.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException("dotnet pack failed: " + result);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Feed, recursive: true);
        return Task.CompletedTask;
    }

    public IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    public string ReadEntry(string name)
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    public byte[] ReadBytes(string name)
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed ModelAnalyzers";
}

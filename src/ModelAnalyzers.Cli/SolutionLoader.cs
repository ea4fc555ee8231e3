using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace ModelAnalyzers.Cli;

/// <summary>
/// Opens what the user named: a .csproj, a .sln (MSBuildWorkspace reads it), or a .slnx, whose project list is read with
/// the .NET SDK's own solution library and whose projects are opened one by one (MSBuildWorkspace 4.14 reads only .sln).
/// A project that cannot be opened is returned in <c>unloaded</c> with MSBuild's reason; the others are audited.
/// </summary>
internal static class SolutionLoader
{
    public static async Task<Solution> OpenAsync(MSBuildWorkspace workspace, string entry, List<ProjectResult> unloaded, CancellationToken cancellationToken)
    {
        if (entry.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return (await workspace.OpenProjectAsync(entry, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution;
        }

        if (!entry.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            return await workspace.OpenSolutionAsync(entry, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var model = await SolutionSerializers.SlnXml.OpenAsync(entry, cancellationToken).ConfigureAwait(false);
        string directory = Path.GetDirectoryName(entry)!;
        foreach (var listed in model.SolutionProjects)
        {
            string path = Path.GetFullPath(Path.Combine(directory, listed.FilePath.Replace('\\', Path.DirectorySeparatorChar)));
            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                || workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, path, StringComparison.Ordinal)))
            {
                continue; // another language, or already opened as a reference of an earlier project
            }

            try
            {
                await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                unloaded.Add(new ProjectResult { Name = Path.GetFileNameWithoutExtension(path), Path = path, Error = "the project did not load: " + OneLine(e.Message) });
            }
        }

        return workspace.CurrentSolution;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

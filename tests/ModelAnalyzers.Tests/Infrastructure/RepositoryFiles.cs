namespace ModelAnalyzers.Tests.Infrastructure;

/// <summary>Locates files of this repository (docs, release tracking) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ModelAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ModelAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}

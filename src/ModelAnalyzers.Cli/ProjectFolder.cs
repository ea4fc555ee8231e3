namespace ModelAnalyzers.Cli;

/// <summary>The files under a folder the audit reads besides the projects' own: bin, obj, node_modules and hidden folders left out, unreadable folders skipped.</summary>
internal static class ProjectFolder
{
    private static readonly string[] Skipped = { "bin", "obj", "node_modules" };

    public static IEnumerable<string> FilesUnder(string root, Func<string, bool> include)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // an unreadable folder holds nothing the audit can read
            }

            foreach (string file in files.Order(StringComparer.Ordinal))
            {
                if (include(file))
                {
                    yield return file;
                }
            }

            foreach (string child in folders)
            {
                string name = Path.GetFileName(child);
                if (!name.StartsWith('.') && !Skipped.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(child);
                }
            }
        }
    }
}

using System.Text;

namespace ModelAnalyzers.Cli;

/// <summary>Writes a user's file whole or not at all: a temporary file beside it, then a rename over it.</summary>
internal static class AtomicFile
{
    public static async Task WriteAsync(string path, string text, Encoding? encoding = null)
    {
        string temporary = path + ".model-audit.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A full disk or a vanished folder: the user's file is as it was, and no temporary file is left behind.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }
}

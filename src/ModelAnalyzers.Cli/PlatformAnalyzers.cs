using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Cli;

/// <summary>
/// The analyzer references a project's compilation can do without in the audit: the .NET SDK's and the platform
/// packages' own analyzers and source generators (the targeting packs' interop, JSON and regex generators, the SDK's
/// code-quality analyzers, the logging, options, configuration-binder and System.ClientModel generators) and this
/// package's analyzers (the audit runs its own). None of them can produce a model id, and running the generators is
/// most of a small project's compilation time in the audit (docs/performance.md). A team's own generators stay: what
/// they generate may reach a site. So does the SDK's Razor generator in a project with .razor or .cshtml files: its C#
/// holds the authors' @code blocks.
/// </summary>
internal static class PlatformAnalyzers
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "ModelAnalyzers",
        "ModelAnalyzers.CodeFixes",
        "Microsoft.Extensions.Logging.Generators",
        "Microsoft.Extensions.Options.SourceGeneration",
        "Microsoft.Extensions.Configuration.Binder.SourceGeneration",
        "System.ClientModel.SourceGeneration",
        "Microsoft.CodeAnalysis.NetAnalyzers",
        "Microsoft.CodeAnalysis.CSharp.NetAnalyzers",
    };

    // Targeting packs, whether installed with the SDK (<dotnet>/packs/Microsoft.NETCore.App.Ref/...) or restored as
    // packages (~/.nuget/packages/microsoft.netcore.app.ref/...) when the SDK lacks the target's pack.
    private static readonly HashSet<string> TargetingPacks = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.NETCore.App.Ref",
        "Microsoft.AspNetCore.App.Ref",
        "Microsoft.WindowsDesktop.App.Ref",
    };

    // The dotnet installation: <root>/shared/Microsoft.NETCore.App/<version>/ is the runtime's own folder; under
    // <root>/sdk are the SDK's analyzers.
    private static readonly string DotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    public static bool IsPlatform(AnalyzerReference reference, bool keepRazor = false)
    {
        if (reference.FullPath is not { Length: > 0 } path)
        {
            return false;
        }

        // <dotnet>/sdk/<version>/Sdks/Microsoft.NET.Sdk.Razor/source-generators/: the generator and what it loads.
        if (keepRazor && path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains("Microsoft.NET.Sdk.Razor", StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Names.Contains(Path.GetFileNameWithoutExtension(path)))
        {
            return true;
        }

        string full = Path.GetFullPath(path);
        return full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(TargetingPacks.Contains) || IsUnder(full, Path.Combine(DotnetRoot, "sdk"));
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

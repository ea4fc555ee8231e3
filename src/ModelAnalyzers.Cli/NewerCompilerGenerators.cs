using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Cli;

/// <summary>
/// A source generator built against a newer Roslyn than the one model-audit hosts is declined by the workspace without
/// a word (the compiler says CS9057), so what it generates would silently go unaudited while the build reports it
/// (the .NET 10 SDK's Razor generator needs Roslyn 5.9). Read from the assembly's metadata, without loading it.
/// </summary>
internal static class NewerCompilerGenerators
{
    public const string NoteId = "CS9057";

    private static readonly Version Ours = typeof(Compilation).Assembly.GetName().Version!;

    /// <summary>The note for a generator the audit cannot run, or null.</summary>
    public static string? NoteFor(AnalyzerReference reference)
    {
        if (reference.FullPath is not { Length: > 0 } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var metadata = pe.GetMetadataReader();
            Version? needed = null;
            foreach (var handle in metadata.AssemblyReferences)
            {
                var assembly = metadata.GetAssemblyReference(handle);
                if (metadata.StringComparer.Equals(assembly.Name, "Microsoft.CodeAnalysis") && assembly.Version > Ours)
                {
                    needed = assembly.Version;
                }
            }

            return needed is not null && DeclaresGenerator(metadata)
                ? $"the source generator {Path.GetFileName(path)} needs compiler {needed}, newer than model-audit's {Ours}: what it generates is not audited here (the build runs it and reports its findings); a model-audit built on a newer Roslyn is needed"
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>True when a type carries [Microsoft.CodeAnalysis.Generator].</summary>
    private static bool DeclaresGenerator(MetadataReader metadata)
    {
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            foreach (var attributeHandle in metadata.GetTypeDefinition(typeHandle).GetCustomAttributes())
            {
                var constructor = metadata.GetCustomAttribute(attributeHandle).Constructor;
                if (constructor.Kind == HandleKind.MemberReference
                    && metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent)
                {
                    var type = metadata.GetTypeReference((TypeReferenceHandle)parent);
                    if (metadata.StringComparer.Equals(type.Name, "GeneratorAttribute") && metadata.StringComparer.Equals(type.Namespace, "Microsoft.CodeAnalysis"))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}

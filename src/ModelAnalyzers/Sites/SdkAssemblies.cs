using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Sites;

/// <summary>
/// The one list of SDK assembly identities: the site map, the option map, the wrapper finder and the request linker
/// all name assemblies from here, so adding an SDK (or a renamed package) is one edit.
/// </summary>
internal static class SdkAssemblies
{
    public const string OpenAI = "OpenAI";
    public const string ClientModel = "System.ClientModel";
    public const string ExtensionsAI = "Microsoft.Extensions.AI";
    public const string ExtensionsAIAbstractions = "Microsoft.Extensions.AI.Abstractions";
    public const string ExtensionsAIOpenAI = "Microsoft.Extensions.AI.OpenAI";
    public const string SemanticKernelAbstractions = "Microsoft.SemanticKernel.Abstractions";
    public const string SemanticKernelCore = "Microsoft.SemanticKernel.Core";
    public const string SemanticKernelOpenAI = "Microsoft.SemanticKernel.Connectors.OpenAI";
    public const string SemanticKernelAzureOpenAI = "Microsoft.SemanticKernel.Connectors.AzureOpenAI";
    public const string AzureOpenAI = "Azure.AI.OpenAI";
    public const string Betalgo = "Betalgo.Ranul.OpenAI";

    /// <summary>Betalgo's package before its rename: never a site (its API differs), but never a user's wrapper either.</summary>
    public const string BetalgoLegacy = "Betalgo.OpenAI";

    // Families: an SDK or one of its parts (Microsoft.SemanticKernel.Core), not a user's "OpenAIWrapper".
    private static readonly string[] Families =
    {
        OpenAI, AzureOpenAI, "Microsoft.SemanticKernel", ExtensionsAI, Betalgo, BetalgoLegacy, ClientModel,
    };

    /// <summary>Assemblies whose calls pass their receiver's model along (AsIChatClient(), AsBuilder().Build(), ...).</summary>
    public static readonly HashSet<string> PassModelAlong = new(StringComparer.Ordinal)
    {
        OpenAI, ExtensionsAI, ExtensionsAIAbstractions, ExtensionsAIOpenAI, SemanticKernelAbstractions, SemanticKernelCore, SemanticKernelOpenAI, Betalgo,
    };

    /// <summary>Is this assembly an SDK (or part of one), whose members only the site map may judge?</summary>
    public static bool IsSdk(string name)
    {
        foreach (var family in Families)
        {
            if (name.StartsWith(family, StringComparison.Ordinal) && (name.Length == family.Length || name[family.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The compilation's referenced assemblies by name, one per name: when two versions of an SDK are referenced
    /// (extern aliases), the newest is the one judged, by the site map and the option map alike.
    /// </summary>
    public static Dictionary<string, IAssemblySymbol> Referenced(Compilation compilation) =>
        compilation.SourceModule.ReferencedAssemblySymbols
            .GroupBy(assembly => assembly.Identity.Name, StringComparer.Ordinal)
            .ToDictionary(sameName => sameName.Key, sameName => sameName.OrderBy(a => a.Identity.Version).Last(), StringComparer.Ordinal);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;

namespace ModelAnalyzers.Sites;

/// <summary>
/// The site map resolved against one compilation's references: symbol -> site, so per-node work is a reference check
/// on the containing assembly and one dictionary look-up. The resolved SDK part is built once per set of SDK assembly
/// symbols, not per compilation: an IDE makes a compilation per keystroke and reuses the symbols of unchanged
/// references, and resolving the map (walking the SDKs' types) was a fifth of one document's analysis. Only the using
/// aliases, which come from the project's own trees, are read per compilation.
/// </summary>
internal sealed class SiteIndex
{
    private readonly ResolvedSdk _sdk;
    private readonly HashSet<string> _aliases;

    private SiteIndex(ResolvedSdk sdk, HashSet<string> aliases)
    {
        _sdk = sdk;
        _aliases = aliases;
        CandidateNames = aliases.Count == 0 ? sdk.CandidateNames : new CandidateNames(sdk.CandidateNames.Exact.Concat(aliases), implicitCreations: true);
    }

    /// <summary>Every name the pre-filters below accept: what makes a node worth looking at.</summary>
    public CandidateNames CandidateNames { get; }

    /// <summary>
    /// Syntactic pre-filter: could `new Name { Prop = ... }` set a model property? A user's own type derived from an
    /// SDK options type is missed in an object initializer (SDK option types are used directly in practice).
    /// </summary>
    public bool IsCandidateInitializedTypeName(string? name) => name is null || _sdk.InitializedTypeNames.Contains(name) || _aliases.Contains(name);

    /// <summary>Syntactic pre-filter: could `new Name(...)` construct a type with a site? (A using alias can name an SDK type anything.)</summary>
    public bool IsCandidateTypeName(string? name) => name is not null && (_sdk.ConstructedTypeNames.Contains(name) || _aliases.Contains(name));

    /// <summary>Syntactic pre-filter: could a call with this name be a site? (Method names cannot be aliased.)</summary>
    public bool IsCandidateMethodName(string? name) => name is not null && _sdk.MethodNames.Contains(name);

    /// <summary>Syntactic pre-filter: could an assignment to a member with this name be a site?</summary>
    public bool IsCandidatePropertyName(string? name) => name is not null && _sdk.PropertyNames.Contains(name);

    /// <summary>Null when the compilation references none of the SDKs, so the analyzer registers nothing.</summary>
    public static SiteIndex? Create(Compilation compilation, SiteKind kind)
    {
        var assemblies = Wanted(compilation, kind == SiteKind.Model ? ModelAssemblies : KeyAssemblies);
        if (assemblies.Length == 0)
        {
            return null;
        }

        // Keyed by the first SDK assembly symbol; the entry is reused only while the whole set of SDK symbols is the same
        // (a set without any site is remembered too).
        var byKind = Resolved.GetValue(assemblies[0], _ => new ConcurrentDictionary<SiteKind, (IAssemblySymbol[] Assemblies, ResolvedSdk? Sdk)>());
        if (!byKind.TryGetValue(kind, out var entry) || !entry.Assemblies.SequenceEqual(assemblies, SymbolEqualityComparer.Default))
        {
            byKind[kind] = entry = (assemblies, ResolvedSdk.Create(assemblies, kind, SdkSiteMap.Sites));
        }

        return entry.Sdk is null ? null : new SiteIndex(entry.Sdk, new HashSet<string>(AliasNames(compilation)));
    }

    private static IAssemblySymbol[] Wanted(Compilation compilation, HashSet<string> names) =>
        SdkAssemblies.Referenced(compilation)
            .Where(named => names.Contains(named.Key))
            .OrderBy(named => named.Key, StringComparer.Ordinal)
            .Select(named => named.Value)
            .ToArray();

    private static readonly HashSet<string> ModelAssemblies = new(SdkSiteMap.Sites.Where(s => s.Kind == SiteKind.Model).Select(s => s.Assembly));
    private static readonly HashSet<string> KeyAssemblies = new(SdkSiteMap.Sites.Where(s => s.Kind == SiteKind.ApiKey).Select(s => s.Assembly));
    private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<SiteKind, (IAssemblySymbol[] Assemblies, ResolvedSdk? Sdk)>> Resolved = new();

    /// <summary>The sites of a called method or constructor, or an assigned property; null when none.</summary>
    public IReadOnlyList<SdkSite>? Find(ISymbol member)
    {
        // Cheap filter first: most members in a compilation are not declared in an SDK assembly.
        if (member.ContainingAssembly is not { } assembly || !_sdk.AssemblySet.Contains(assembly))
        {
            return null;
        }

        return _sdk.Members.TryGetValue(member.OriginalDefinition, out var sites) ? sites : null;
    }

    /// <summary>The site map resolved against one set of SDK assembly symbols, with the name pre-filters it implies.</summary>
    private sealed class ResolvedSdk
    {
        private ResolvedSdk(IAssemblySymbol[] assemblies, Dictionary<ISymbol, List<SdkSite>> members, IEnumerable<string> derivedTypeNames)
        {
            AssemblySet = new HashSet<IAssemblySymbol>(assemblies, SymbolEqualityComparer.Default);
            Members = members;
            MethodNames = new HashSet<string>(members.Keys.Where(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary }).Select(m => m.Name));
            PropertyNames = new HashSet<string>(members.Keys.Where(m => m is IPropertySymbol).Select(m => m.Name));

            // SDK types derived from a type with a model property are candidates for construction too.
            ConstructedTypeNames = new HashSet<string>(members.Keys.Where(m => m is IMethodSymbol { MethodKind: MethodKind.Constructor }).Select(m => m.ContainingType.Name));
            ConstructedTypeNames.UnionWith(derivedTypeNames);
            InitializedTypeNames = new HashSet<string>(members.Keys.Where(m => m is IPropertySymbol).Select(m => m.ContainingType.Name));
            InitializedTypeNames.UnionWith(ConstructedTypeNames);
            CandidateNames = new CandidateNames(MethodNames.Union(ConstructedTypeNames).Union(PropertyNames), implicitCreations: true);
        }

        /// <summary>The names of the pre-filters, without a compilation's aliases.</summary>
        public CandidateNames CandidateNames { get; }

        public HashSet<IAssemblySymbol> AssemblySet { get; }

        public Dictionary<ISymbol, List<SdkSite>> Members { get; }

        public HashSet<string> MethodNames { get; }

        public HashSet<string> PropertyNames { get; }

        public HashSet<string> ConstructedTypeNames { get; }

        public HashSet<string> InitializedTypeNames { get; }

        /// <summary>Null when none of the map's members exist in these SDK versions.</summary>
        public static ResolvedSdk? Create(IAssemblySymbol[] assemblies, SiteKind kind, IReadOnlyList<SdkSite> rows)
        {
            var byName = assemblies.ToDictionary(a => a.Identity.Name);
            var members = new Dictionary<ISymbol, List<SdkSite>>(SymbolEqualityComparer.Default);
            foreach (var site in rows)
            {
                if (site.Kind != kind
                    || !byName.TryGetValue(site.Assembly, out var assembly)
                    || assembly.GetTypeByMetadataName(site.Type) is not { } type)
                {
                    continue;
                }

                // "*" stands for every method and constructor of the type that has the parameter (extension classes).
                foreach (var member in site.Member == "*" ? type.GetMembers() : type.GetMembers(site.Member))
                {
                    if (site.IsProperty ? IsSettableStringProperty(member) : HasParameter(member, site))
                    {
                        if (!members.TryGetValue(member, out var sitesOfMember))
                        {
                            members[member] = sitesOfMember = new List<SdkSite>();
                        }

                        sitesOfMember.Add(site);
                    }
                }
            }

            if (members.Count == 0)
            {
                return null;
            }

            var optionTypes = members.Keys.OfType<IPropertySymbol>().Select(p => p.ContainingType).ToList();
            return new ResolvedSdk(assemblies, members, DerivedTypeNames(assemblies, optionTypes));
        }
    }

    /// <summary>
    /// SDK types derived from a type with a model property (OpenAIPromptExecutionSettings : PromptExecutionSettings),
    /// so that `new Derived { ModelId = ... }` passes the object-initializer name filter.
    /// </summary>
    private static IEnumerable<string> DerivedTypeNames(IEnumerable<IAssemblySymbol> assemblies, List<INamedTypeSymbol> optionTypes) =>
        optionTypes.Count == 0 ? Enumerable.Empty<string>() : assemblies.SelectMany(assembly => DerivedTypeNames(assembly, optionTypes));

    private static string[] DerivedTypeNames(IAssemblySymbol assembly, List<INamedTypeSymbol> optionTypes)
    {
        var names = new List<string>();
        var stack = new Stack<INamespaceOrTypeSymbol>();
        stack.Push(assembly.GlobalNamespace);
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                }
                else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public, TypeKind: TypeKind.Class } type)
                {
                    for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                    {
                        if (optionTypes.Contains(baseType.OriginalDefinition, SymbolEqualityComparer.Default))
                        {
                            names.Add(type.Name);
                            break;
                        }
                    }
                }
            }
        }

        return names.ToArray();
    }

    // Read once per tree: an edit re-reads only the edited tree.
    private static readonly ConditionalWeakTable<SyntaxTree, string[]> AliasesByTree = new();

    private static IEnumerable<string> AliasNames(Compilation compilation) =>
        compilation.SyntaxTrees.SelectMany(tree => AliasesByTree.GetValue(tree, AliasNames));

    private static string[] AliasNames(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
            .Where(directive => directive.Alias is not null)
            .Select(directive => directive.Alias!.Name.Identifier.ValueText)
            .ToArray();

    private static bool IsSettableStringProperty(ISymbol member) =>
        member is IPropertySymbol { SetMethod: not null } property && HoldsModelId(property.Type);

    // A key may also be an ApiKeyCredential, which converts from a string literal.
    private static bool HasParameter(ISymbol member, SdkSite site) =>
        member is IMethodSymbol method
        && method.Parameters.Any(p => p.Name == site.Parameter && (site.Kind == SiteKind.ApiKey || HoldsModelId(p.Type)));

    /// <summary>
    /// A string, or an SDK "extensible enum" a string converts to implicitly (OpenAI 2.1's ConversationTranscriptionModel,
    /// also as a nullable): code passes it a string literal either way.
    /// </summary>
    private static bool HoldsModelId(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.IsValueType && type.GetMembers("op_Implicit").Any(m => m is IMethodSymbol { Parameters.Length: 1 } conversion && conversion.Parameters[0].Type.SpecialType == SpecialType.System_String);
    }
}

using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Sites;

/// <summary>
/// The site map resolved against one compilation's references: symbol -> site. Built once per compilation
/// so per-node work is a reference check on the containing assembly and one dictionary look-up.
/// </summary>
internal sealed class SiteIndex
{
    private readonly HashSet<IAssemblySymbol> _sdkAssemblies;
    private readonly Dictionary<ISymbol, List<SdkSite>> _members;
    private readonly HashSet<string> _methodNames;
    private readonly HashSet<string> _propertyNames;
    private readonly HashSet<string> _constructedTypeNames;
    private readonly HashSet<string> _initializedTypeNames;

    private SiteIndex(HashSet<IAssemblySymbol> sdkAssemblies, Dictionary<ISymbol, List<SdkSite>> members, IEnumerable<string> otherTypeNames)
    {
        _sdkAssemblies = sdkAssemblies;
        _members = members;
        _methodNames = new HashSet<string>(members.Keys.Where(m => m is IMethodSymbol { MethodKind: MethodKind.Ordinary }).Select(m => m.Name));
        _propertyNames = new HashSet<string>(members.Keys.Where(m => m is IPropertySymbol).Select(m => m.Name));

        // A using alias can name an SDK type anything, so every alias name in the compilation is a candidate too,
        // as are SDK types derived from a type with a model property.
        _constructedTypeNames = new HashSet<string>(members.Keys.Where(m => m is IMethodSymbol { MethodKind: MethodKind.Constructor }).Select(m => m.ContainingType.Name));
        _constructedTypeNames.UnionWith(otherTypeNames);
        _initializedTypeNames = new HashSet<string>(members.Keys.Where(m => m is IPropertySymbol).Select(m => m.ContainingType.Name));
        _initializedTypeNames.UnionWith(_constructedTypeNames);
    }

    /// <summary>
    /// Syntactic pre-filter: could `new Name { Prop = ... }` set a model property? A user's own type derived from an
    /// SDK options type is missed in an object initializer (SDK option types are used directly in practice).
    /// </summary>
    public bool IsCandidateInitializedTypeName(string? name) => name is null || _initializedTypeNames.Contains(name);

    /// <summary>Syntactic pre-filter: could `new Name(...)` construct a type with a site?</summary>
    public bool IsCandidateTypeName(string? name) => name is not null && _constructedTypeNames.Contains(name);

    /// <summary>Syntactic pre-filter: could a call with this name be a site? (Method names cannot be aliased.)</summary>
    public bool IsCandidateMethodName(string? name) => name is not null && _methodNames.Contains(name);

    /// <summary>Syntactic pre-filter: could an assignment to a member with this name be a site?</summary>
    public bool IsCandidatePropertyName(string? name) => name is not null && _propertyNames.Contains(name);

    /// <summary>Null when the compilation references none of the SDKs, so the analyzer registers nothing.</summary>
    public static SiteIndex? Create(Compilation compilation, SiteKind kind)
    {
        var map = SdkSiteMap.Sites.Where(s => s.Kind == kind).ToList();
        var wanted = new HashSet<string>(map.Select(s => s.Assembly));
        var assemblies = new Dictionary<string, IAssemblySymbol>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (wanted.Contains(assembly.Identity.Name))
            {
                assemblies[assembly.Identity.Name] = assembly;
            }
        }

        if (assemblies.Count == 0)
        {
            return null;
        }

        var members = new Dictionary<ISymbol, List<SdkSite>>(SymbolEqualityComparer.Default);
        foreach (var site in map)
        {
            if (!assemblies.TryGetValue(site.Assembly, out var assembly)
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
        var typeNames = AliasNames(compilation).Concat(DerivedTypeNames(assemblies.Values, optionTypes, kind));
        return new SiteIndex(new HashSet<IAssemblySymbol>(assemblies.Values, SymbolEqualityComparer.Default), members, typeNames);
    }

    /// <summary>The sites of a called method or constructor, or an assigned property; null when none.</summary>
    public IReadOnlyList<SdkSite>? Find(ISymbol member)
    {
        // Cheap filter first: most members in a compilation are not declared in an SDK assembly.
        if (member.ContainingAssembly is not { } assembly || !_sdkAssemblies.Contains(assembly))
        {
            return null;
        }

        return _members.TryGetValue(member.OriginalDefinition, out var sites) ? sites : null;
    }

    /// <summary>
    /// SDK types derived from a type with a model property (OpenAIPromptExecutionSettings : PromptExecutionSettings),
    /// so that `new Derived { ModelId = ... }` passes the object-initializer name filter. Walking an SDK's types is
    /// done once per assembly symbol and kind, not per compilation: an IDE makes a compilation per keystroke and
    /// reuses the symbols of unchanged references (a type's base chain never changes with the compilation).
    /// </summary>
    private static IEnumerable<string> DerivedTypeNames(IEnumerable<IAssemblySymbol> assemblies, List<INamedTypeSymbol> optionTypes, SiteKind kind) =>
        optionTypes.Count == 0
            ? Enumerable.Empty<string>()
            : assemblies.SelectMany(assembly => DerivedNames.GetValue(assembly, _ => new ConcurrentDictionary<SiteKind, string[]>())
                .GetOrAdd(kind, _ => DerivedTypeNames(assembly, optionTypes)));

    private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<SiteKind, string[]>> DerivedNames = new();

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
        member is IPropertySymbol { SetMethod: not null, Type.SpecialType: SpecialType.System_String };

    // A model is always a string; a key may also be an ApiKeyCredential, which converts from a string literal.
    private static bool HasParameter(ISymbol member, SdkSite site) =>
        member is IMethodSymbol method
        && method.Parameters.Any(p => p.Name == site.Parameter && (site.Kind == SiteKind.ApiKey || p.Type.SpecialType == SpecialType.System_String));
}

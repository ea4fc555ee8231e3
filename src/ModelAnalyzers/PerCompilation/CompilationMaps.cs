using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// What is resolved once per compilation whatever the options: the SDKs' model and key sites, the request option map
/// and the settings members' writes. Every analyzer, the switching-safe fixes and model-audit ask here, so there is no
/// second copy of any of them.
/// </summary>
internal sealed class CompilationMaps
{
    // Resolving the maps walks the SDKs' types. Weak keys: an IDE makes a compilation per edit and drops the old one.
    private static readonly ConditionalWeakTable<Compilation, CompilationMaps> Maps = new();

    private readonly Lazy<SiteIndex?> _sites;
    private readonly Lazy<SiteIndex?> _keySdk;
    private readonly Lazy<bool> _mayHoldKeys;
    private readonly Lazy<Dictionary<IPropertySymbol, RequestOption>> _options;
    private readonly MemberSources _members;

    private CompilationMaps(Compilation compilation)
    {
        _sites = new Lazy<SiteIndex?>(() => SiteIndex.Create(compilation, SiteKind.Model));
        _keySdk = new Lazy<SiteIndex?>(() => SiteIndex.Create(compilation, SiteKind.ApiKey));

        // Every OpenAI key starts with "sk-", so a compilation without "sk-" in any file holds no key, and most hold none:
        // the key walk (and the binding it needs) is skipped. All files: a key may be a const declared in another file.
        _mayHoldKeys = new Lazy<bool>(() => compilation.SyntaxTrees.Any(ApiKeyDetector.MayHoldKey));
        _options = new Lazy<Dictionary<IPropertySymbol, RequestOption>>(() => RequestOptionMap.Resolve(compilation));
        _members = new MemberSources(compilation);
    }

    /// <summary>The model sites of the compilation's SDKs; null when it references none.</summary>
    public static SiteIndex? SitesOf(Compilation compilation) => Of(compilation)._sites.Value;

    /// <summary>Whether the compilation references an SDK that takes a key (MDL0006 walks its sites).</summary>
    public static bool ReferencesKeySdk(Compilation compilation) => Of(compilation)._keySdk.Value is not null;

    /// <summary>The key sites (MDL0006) when the compilation references a key SDK and some file holds "sk-"; null otherwise.</summary>
    public static SiteIndex? KeySitesOf(Compilation compilation) =>
        Of(compilation) is var maps && maps._keySdk.Value is { } sites && maps._mayHoldKeys.Value ? sites : null;

    /// <summary>The request options (MDL0004) of the compilation's SDKs, by property symbol.</summary>
    public static Dictionary<IPropertySymbol, RequestOption> RequestOptionsOf(Compilation compilation) => Of(compilation)._options.Value;

    /// <summary>The writes to, and configuration bindings of, the compilation's own settings members.</summary>
    public static MemberSources MembersOf(Compilation compilation) => Of(compilation)._members;

    private static CompilationMaps Of(Compilation compilation) => Maps.GetValue(compilation, c => new CompilationMaps(c));
}

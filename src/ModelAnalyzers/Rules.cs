using Microsoft.CodeAnalysis;

namespace ModelAnalyzers;

/// <summary>Every descriptor the package reports. Help links point at docs/rules/&lt;id&gt;.md.</summary>
internal static class Rules
{
    public const string HelpLinkBase = "https://github.com/modelanalyzers/ModelAnalyzers/blob/main/docs/rules/";

    /// <summary>
    /// One category of the package's own, so that one line configures every rule
    /// (dotnet_analyzer_diagnostic.category-ModelAnalyzers.severity) and nothing set for the SDK's CA categories moves them.
    /// </summary>
    public const string Category = "ModelAnalyzers";

    public static readonly DiagnosticDescriptor Retired = Create(
        RuleIds.Retired,
        "Model is retired",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "The model's shutdown date has passed: every request that names it fails. Switch to a model that is still served.");

    public static readonly DiagnosticDescriptor Deprecated = Create(
        RuleIds.Deprecated,
        "Model is deprecated",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "OpenAI has scheduled the model's shutdown. Requests fail from the shutdown date on; migrate before then.");

    public static readonly DiagnosticDescriptor Costlier = Create(
        RuleIds.Costlier,
        "A cheaper model of equal or better capability exists",
        "{0}",
        Category,
        DiagnosticSeverity.Info,
        "A live model of the same kind with at least the same capability tier, generation, context window, output limit and capabilities lists lower prices.");

    public static readonly DiagnosticDescriptor RejectedOption = Create(
        RuleIds.RejectedOption,
        "Request option the model does not accept",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "Reasoning models answer HTTP 400 to sampling options (temperature other than 1, top_p, penalties, log probabilities), logit bias, stop sequences and max_tokens; every model rejects an output limit above its maximum.");

    public static readonly DiagnosticDescriptor Misspelled = Create(
        RuleIds.Misspelled,
        "Unknown model id, likely misspelled",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "The value is not a known model id but is a near miss of one (case, separators, one typo); the API answers an unknown id with an error.");

    public static readonly DiagnosticDescriptor HardCodedKey = Create(
        RuleIds.HardCodedKey,
        "OpenAI API key hard-coded in source",
        "An OpenAI API key ('{0}') is hard-coded: anyone who can read the source or the binary can use it. Rotate the key and read it from configuration or the OPENAI_API_KEY environment variable.",
        Category,
        DiagnosticSeverity.Warning,
        "A string that looks like an OpenAI secret key reaches an SDK key or credential parameter. Keys in source end up in version control, builds and logs.");

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        RuleIds.InvalidOption,
        "Invalid ModelAnalyzers configuration value",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "A ModelAnalyzers option in .editorconfig, .globalconfig or MSBuild has a value the analyzers cannot use; the default applies instead.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidOverlay = Create(
        RuleIds.InvalidOverlay,
        "Invalid catalog overlay",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "A *.models.json catalog overlay has invalid JSON or an entry the analyzers cannot use; that part is ignored and the rest of the overlay still applies.");

    public static readonly DiagnosticDescriptor StaleCatalog = Create(
        RuleIds.StaleCatalog,
        "Model data is older than the as-of date",
        "{0}",
        Category,
        DiagnosticSeverity.Warning,
        "The model catalog (built-in data and overlays) was last checked long before the date the build judges at: models, prices and shutdowns announced since then are not known. Update the package or refresh an overlay. The package's build files keep it from failing a build under TreatWarningsAsErrors or -warnaserror.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>The descriptor of a model verdict (MDL0001-MDL0003, MDL0005): every kind has its own, none falls through.</summary>
    public static DiagnosticDescriptor For(Judgement.VerdictKind kind) => kind switch
    {
        Judgement.VerdictKind.Retired => Retired,
        Judgement.VerdictKind.Deprecated => Deprecated,
        Judgement.VerdictKind.Costlier => Costlier,
        Judgement.VerdictKind.Misspelled => Misspelled,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "a verdict kind without a rule"),
    };

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", tags);
}

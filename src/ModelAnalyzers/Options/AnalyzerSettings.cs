using System;
using System.Collections.Generic;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Options;

/// <summary>
/// The options that shape a judgement, read from .editorconfig/.globalconfig (per file) and MSBuild.
/// Invalid values never throw: they are handed to <c>reportInvalid</c> (MDL0900) and the default applies.
/// </summary>
internal sealed class AnalyzerSettings
{
    public const string AsOfDateKey = "model_analyzers.as_of_date";
    public const string TargetsKey = "model_analyzers.targets";

    /// <summary>MSBuild property the package sets to the build's date, made visible through CompilerVisibleProperty.</summary>
    public const string AsOfDateBuildProperty = "build_property.ModelAnalyzersAsOfDate";

    private AnalyzerSettings(DateTime asOf, IReadOnlyList<string> targets)
    {
        AsOf = asOf;
        Targets = targets;
    }

    /// <summary>The date retired vs deprecated is judged at. Analyzers never read a clock.</summary>
    public DateTime AsOf { get; }

    /// <summary>Fix targets offered first, in order (OpenAI's replacement comes after them).</summary>
    public IReadOnlyList<string> Targets { get; }

    public static AnalyzerSettings Read(
        AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        return new AnalyzerSettings(ReadAsOf(fileOptions, globalOptions, catalog, reportInvalid), ReadTargets(fileOptions, catalog, reportInvalid));
    }

    /// <summary>Precedence: the .editorconfig key, then the build's date from MSBuild, then the catalog's own date.</summary>
    private static DateTime ReadAsOf(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        if (fileOptions.TryGetValue(AsOfDateKey, out string? configured) && !string.IsNullOrWhiteSpace(configured))
        {
            if (ModelCatalog.ParseDate(configured) is DateTime date)
            {
                return date;
            }

            reportInvalid($"'{AsOfDateKey}' has the invalid value '{configured}': expected a date as yyyy-MM-dd (e.g. 2026-11-23)");
        }

        if (globalOptions.TryGetValue(AsOfDateBuildProperty, out string? buildDate) && !string.IsNullOrWhiteSpace(buildDate))
        {
            if (ModelCatalog.ParseDate(buildDate) is DateTime date)
            {
                return date;
            }

            reportInvalid($"MSBuild property 'ModelAnalyzersAsOfDate' has the invalid value '{buildDate}': expected a date as yyyy-MM-dd (e.g. 2026-11-23)");
        }

        return catalog.AsOf;
    }

    private static IReadOnlyList<string> ReadTargets(AnalyzerConfigOptions fileOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        if (!fileOptions.TryGetValue(TargetsKey, out string? configured) || string.IsNullOrWhiteSpace(configured))
        {
            return ModelJudge.DefaultTargets;
        }

        var targets = new List<string>();
        foreach (string part in configured.Split(','))
        {
            string id = part.Trim();
            if (id.Length == 0 || id == "none")
            {
                continue;
            }

            if (catalog.Find(id) is null)
            {
                reportInvalid($"'{TargetsKey}' names '{id}', which is not a model id in the catalog: expected a comma-separated list of model ids (e.g. gpt-4o-mini, gpt-5-mini) or 'none'");
                continue;
            }

            targets.Add(id);
        }

        return targets;
    }
}

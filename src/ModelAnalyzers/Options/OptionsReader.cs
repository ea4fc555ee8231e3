using System;
using System.Collections.Generic;
using System.Globalization;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelAnalyzers.Options;

/// <summary>
/// Reads the options that shape a judgement from .editorconfig/.globalconfig (per file; Roslyn merges global
/// values in) and MSBuild. Invalid values never throw: they go to <c>reportInvalid</c> (MDL0900) and the default applies.
/// </summary>
internal static class OptionsReader
{
    public const string Prefix = "model_analyzers.";
    public const string AsOfDateKey = Prefix + "as_of_date";
    public const string TargetsKey = Prefix + "targets";
    public const string ReplacePrefix = Prefix + "replace.";
    public const string AllowedModelsKey = Prefix + "allowed_models";
    public const string DeprecationWindowKey = Prefix + "deprecation_window_days";
    public const string MonthlyInputKey = Prefix + "monthly_input_tokens";
    public const string MonthlyOutputKey = Prefix + "monthly_output_tokens";
    public const string CatalogAgeWarningKey = Prefix + "catalog_age_warning_days";

    /// <summary>MSBuild property the package sets to the build's date, made visible through CompilerVisibleProperty.</summary>
    public const string AsOfDateBuildProperty = "build_property.ModelAnalyzersAsOfDate";

    private const string DateForm = "expected a date as yyyy-MM-dd (e.g. 2026-11-23)";

    public static JudgePolicy Read(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        return new JudgePolicy(ReadAsOf(fileOptions, globalOptions, catalog, reportInvalid), ReadTargets(fileOptions, catalog, reportInvalid))
        {
            CatalogAgeWarningDays = ReadCatalogAgeWarning(fileOptions, globalOptions, reportInvalid),
            Replacements = ReadReplacements(fileOptions, catalog, reportInvalid),
            AllowedModels = new HashSet<string>(List(fileOptions, AllowedModelsKey) ?? Array.Empty<string>(), StringComparer.Ordinal),
            DeprecationWindowDays = (int?)Count(fileOptions, DeprecationWindowKey, int.MaxValue, reportInvalid),
            MonthlyInputTokens = Count(fileOptions, MonthlyInputKey, long.MaxValue / 1_000, reportInvalid),
            MonthlyOutputTokens = Count(fileOptions, MonthlyOutputKey, long.MaxValue / 1_000, reportInvalid),
        };
    }

    /// <summary>Precedence: the .editorconfig key, then the build's date from MSBuild, then the catalog's own date.</summary>
    private static DateTime ReadAsOf(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        if (Value(fileOptions, AsOfDateKey) is string configured)
        {
            if (ModelCatalog.ParseDate(configured) is DateTime date)
            {
                return date;
            }

            reportInvalid($"'{AsOfDateKey}' has the invalid value '{configured}': {DateForm}");
        }

        if (Value(globalOptions, AsOfDateBuildProperty) is string buildDate)
        {
            if (ModelCatalog.ParseDate(buildDate) is DateTime date)
            {
                return date;
            }

            reportInvalid($"MSBuild property 'ModelAnalyzersAsOfDate' has the invalid value '{buildDate}': {DateForm}");
        }

        return catalog.AsOf;
    }

    /// <summary>A number of days, or "off"; read from the file's options, then the global ones (the warning is per compilation).</summary>
    private static int? ReadCatalogAgeWarning(AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, Action<string> reportInvalid)
    {
        string? text = Value(fileOptions, CatalogAgeWarningKey) ?? Value(globalOptions, CatalogAgeWarningKey);
        if (text is null)
        {
            return JudgePolicy.DefaultCatalogAgeWarningDays;
        }

        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int days))
        {
            return days;
        }

        reportInvalid($"'{CatalogAgeWarningKey}' has the invalid value '{text}': expected a whole number of days (e.g. 60) or 'off'");
        return JudgePolicy.DefaultCatalogAgeWarningDays;
    }

    private static IReadOnlyList<string>? ReadTargets(AnalyzerConfigOptions fileOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        if (List(fileOptions, TargetsKey) is not { } configured)
        {
            return null; // the defaults
        }

        var targets = new List<string>();
        foreach (string id in configured)
        {
            if (id == "none")
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

    private static IReadOnlyDictionary<string, string> ReadReplacements(AnalyzerConfigOptions fileOptions, ModelCatalog catalog, Action<string> reportInvalid)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in fileOptions.Keys)
        {
            if (!key.StartsWith(ReplacePrefix, StringComparison.Ordinal) || Value(fileOptions, key) is not string target)
            {
                continue;
            }

            if (catalog.Find(target) is null)
            {
                reportInvalid($"'{key}' names '{target}', which is not a model id in the catalog: expected the id of the model to move to");
                continue;
            }

            replacements[key.Substring(ReplacePrefix.Length)] = target;
        }

        return replacements;
    }

    private static long? Count(AnalyzerConfigOptions options, string key, long max, Action<string> reportInvalid)
    {
        if (Value(options, key) is not string text)
        {
            return null;
        }

        if (long.TryParse(text.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value <= max)
        {
            return value;
        }

        reportInvalid($"'{key}' has the invalid value '{text}': expected a whole number, 0 or more (e.g. 1000000 or 1_000_000)");
        return null;
    }

    private static string[]? List(AnalyzerConfigOptions options, string key)
    {
        if (Value(options, key) is not string text)
        {
            return null;
        }

        var items = new List<string>();
        foreach (string part in text.Split(','))
        {
            if (part.Trim() is { Length: > 0 } item)
            {
                items.Add(item);
            }
        }

        return items.ToArray();
    }

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

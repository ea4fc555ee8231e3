using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers;

/// <summary>
/// The one contract between analyzers and code fixes (and model-audit): what a diagnostic carries in
/// Diagnostic.Properties, written and read only here. MDL0001-0003/0005 carry the literal and the offered targets with
/// their titles; MDL0004 carries the request's model and how to mend the option.
/// </summary>
internal static class FixData
{
    public const string ModelKey = "Model";
    public const string TargetPrefix = "Target";
    public const string TitlePrefix = "Title";
    public const string OptionFixKey = "Fix";
    public const string OptionFixValueKey = "FixValue";

    /// <summary><paramref name="value"/> is the string as written at the site, which the fix replaces.</summary>
    public static ImmutableDictionary<string, string?> Create(Verdict verdict, string value)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(ModelKey, value);
        for (int i = 0; i < verdict.Offers.Count; i++)
        {
            builder.Add(TargetKey(i), verdict.Offers[i].Target.Id);
            builder.Add(TitleKey(i), verdict.Offers[i].Title);
        }

        return builder.ToImmutable();
    }

    /// <summary>The offers a diagnostic carries, in order (the first is the recommendation), each with its action title.</summary>
    public static List<(string Target, string Title)> ReadOffers(ImmutableDictionary<string, string?> properties)
    {
        var offers = new List<(string Target, string Title)>();
        for (int i = 0; properties.TryGetValue(TargetKey(i), out var target) && target is not null; i++)
        {
            offers.Add((target, properties.TryGetValue(TitleKey(i), out var title) && title is not null ? title : $"Use '{target}'"));
        }

        return offers;
    }

    /// <summary>The model value a diagnostic was reported for (as written at the site); null when it carries none.</summary>
    public static string? ReadModel(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(ModelKey, out var model) ? model : null;

    public static string TargetKey(int index) => TargetPrefix + index.ToString(CultureInfo.InvariantCulture);

    public static string TitleKey(int index) => TitlePrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>MDL0004: the model whose request rejects the option, and the mend (remove, rename to, lower to).</summary>
    public static ImmutableDictionary<string, string?> ForOption(OptionFinding finding, string model) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(OptionFixKey, finding.Fix.ToString())
            .Add(OptionFixValueKey, finding.FixValue)
            .Add(ModelKey, model);

    /// <summary>The mend an MDL0004 diagnostic carries; null when it carries none this version knows.</summary>
    public static (OptionFix Fix, string? Value)? ReadOptionFix(ImmutableDictionary<string, string?> properties) =>
        properties.TryGetValue(OptionFixKey, out var fix) && Enum.TryParse<OptionFix>(fix, out var parsed) && Enum.IsDefined(typeof(OptionFix), parsed)
            ? (parsed, properties.TryGetValue(OptionFixValueKey, out var value) ? value : null)
            : null;
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers;

/// <summary>The contract between analyzers and code fixes: offered targets travel in Diagnostic.Properties.</summary>
internal static class FixData
{
    public const string ModelKey = "Model";
    public const string TargetPrefix = "Target";
    public const string TitlePrefix = "Title";

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

    public static string TargetKey(int index) => TargetPrefix + index.ToString(CultureInfo.InvariantCulture);

    public static string TitleKey(int index) => TitlePrefix + index.ToString(CultureInfo.InvariantCulture);
}

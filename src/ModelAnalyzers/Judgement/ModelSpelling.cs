using System;
using System.Linq;
using System.Text;
using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// MDL0005: finds the known id an unknown value was meant to be ("gpt4o-mini", "GPT-4O-MINI", "gpt-4o_mini",
/// Azure's "gpt-35-turbo"). Deliberately conservative, because custom deployment names are legitimate: the digits
/// must match exactly (a new version such as "gpt-5.7" is not a typo of "gpt-5.6"), and only a separator or case
/// difference, or a single edit, counts. A tie between two known ids is no suggestion.
/// </summary>
internal static class ModelSpelling
{
    private const int MinimumLength = 5;

    public static ModelInfo? Suggest(ModelCatalog catalog, string value)
    {
        if (value.Length < MinimumLength || value.Length > 64)
        {
            return null;
        }

        string key = Key(value);
        string digits = Digits(value);
        string lower = value.ToLowerInvariant();
        ModelInfo? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (var model in catalog.Models)
        {
            if (model.Id.StartsWith("ft:", StringComparison.Ordinal) || Digits(model.Id) != digits)
            {
                continue;
            }

            // Same id up to case and separators counts as distance 0; otherwise one edit at most.
            int distance = Key(model.Id) == key ? 0 : EditDistanceAtMostOne(lower, model.Id) ? 1 : int.MaxValue;
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (model, distance, false);
            }
            else if (distance == bestDistance && distance != int.MaxValue)
            {
                tie = true;
            }
        }

        return best is not null && !tie ? best : null;
    }

    /// <summary>Lower case without separators: "GPT-4o_mini" and "gpt4o-mini" both become "gpt4omini".</summary>
    private static string Key(string id)
    {
        var key = new StringBuilder(id.Length);
        foreach (char c in id)
        {
            if (c is not ('-' or '_' or '.' or ' '))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static string Digits(string id) => new(id.Where(char.IsDigit).ToArray());

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns a into b.</summary>
    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return a == b;
        }

        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            // Substitution, or two neighbours swapped.
            return string.CompareOrdinal(a, i + 1, b, i + 1, a.Length) == 0
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && string.CompareOrdinal(a, i + 2, b, i + 2, a.Length) == 0);
        }

        // One insertion or deletion: skip one character of the longer string.
        return a.Length > b.Length
            ? string.CompareOrdinal(a, i + 1, b, i, a.Length) == 0
            : string.CompareOrdinal(a, i, b, i + 1, b.Length) == 0;
    }
}

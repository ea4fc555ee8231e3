using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Judgement;

/// <summary>
/// MDL0006: recognises an OpenAI secret key (sk-..., sk-proj-..., sk-svcacct-..., sk-admin-...) and masks it for
/// messages. Placeholders ("sk-...", "sk-your-key-here", "sk-xxxxxxxx") are not keys: a real key's secret part is
/// long, made of letters, digits, '-' and '_', mixes letters and digits, and uses many distinct characters.
/// </summary>
internal static class ApiKeyDetector
{
    private static readonly string[] Prefixes = { "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-", "sk-" };
    private const int MinimumSecretLength = 20;
    private const int MinimumDistinctCharacters = 10;

    public static bool IsLikelyKey(string value)
    {
        string? prefix = Prefixes.FirstOrDefault(p => value.StartsWith(p, System.StringComparison.Ordinal));
        if (prefix is null)
        {
            return false;
        }

        string secret = value.Substring(prefix.Length);
        return secret.Length >= MinimumSecretLength
            && secret.All(c => char.IsLetterOrDigit(c) && c < 128 || c is '-' or '_')
            && secret.Any(char.IsDigit)
            && secret.Any(char.IsLetter)
            && secret.Distinct().Count() >= MinimumDistinctCharacters;
    }

    /// <summary>"sk-proj-…9xQ2": enough to recognise which key leaked, not enough to use it.</summary>
    public static string Mask(string key)
    {
        string prefix = Prefixes.First(p => key.StartsWith(p, System.StringComparison.Ordinal));
        return prefix + "\u2026" + key.Substring(key.Length - 4);
    }

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> KeyPrefixFound = new();

    /// <summary>
    /// Whether the tree's text has "sk-" anywhere. A vectorized search of the text rather than the word index: a file of
    /// 2,000 lines takes microseconds, and it never waits for another analyzer indexing the same file.
    /// </summary>
    public static bool MayHoldKey(SyntaxTree tree) => KeyPrefixFound.GetValue(tree, t => new StrongBox<bool>(Search(t.GetText()))).Value;

    private static bool Search(SourceText text)
    {
        const int ChunkLength = 4096;
        var prefix = "sk-".AsSpan();
        var chunk = new char[ChunkLength];
        // Chunks overlap by two characters, so a prefix across a chunk boundary is found too.
        for (int offset = 0; offset < text.Length; offset += ChunkLength - (prefix.Length - 1))
        {
            int count = Math.Min(ChunkLength, text.Length - offset);
            text.CopyTo(offset, chunk, 0, count);
            if (chunk.AsSpan(0, count).IndexOf(prefix) >= 0)
            {
                return true;
            }

            if (offset + count == text.Length)
            {
                break;
            }
        }

        return false;
    }
}

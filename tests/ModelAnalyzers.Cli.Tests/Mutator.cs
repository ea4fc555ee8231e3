using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelAnalyzers.Cli.Tests;

/// <summary>
/// Deterministic mutations of a real input file: what a truncated download, a bad disk, another tool's encoding or a
/// broken exporter make of it. The same seed gives the same cases on every machine, so a failure can be replayed.
/// </summary>
internal static partial class Mutator
{
    /// <summary>Cases per seed file: a few hundred over the harness in CI; MODELAUDIT_FUZZ_CASES raises it.</summary>
    public static int CasesPerFile { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MODELAUDIT_FUZZ_CASES"), out int n) && n > 0 ? n : 40;

    public static IEnumerable<(string Name, byte[] Bytes)> Mutate(byte[] original, int seed)
    {
        var random = new Random(seed);
        string text = Encoding.UTF8.GetString(original);
        yield return ("empty", Array.Empty<byte>());
        yield return ("whitespace", Encoding.UTF8.GetBytes(" \n\t\n"));
        yield return ("bom", Encoding.UTF8.GetPreamble().Concat(original).ToArray());
        yield return ("utf-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
        yield return ("nul bytes", original.Select((b, i) => i % 7 == 3 ? (byte)0 : b).ToArray());
        yield return ("binary", Bytes(random, 512));
        yield return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
        yield return ("deep objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("5000-digit number", Encoding.UTF8.GetBytes(Numbers().Replace(text, new string('9', 5_000), 1)));
        yield return ("huge numbers", Encoding.UTF8.GetBytes(Numbers().Replace(text, "1e400")));
        yield return ("negative numbers", Encoding.UTF8.GetBytes(Numbers().Replace(text, m => "-" + m.Value)));
        yield return ("numbers as strings", Encoding.UTF8.GetBytes(Numbers().Replace(text, m => "\"" + m.Value + "\"")));
        yield return ("strings as objects", Encoding.UTF8.GetBytes(Strings().Replace(text, "{}")));
        yield return ("strings as arrays", Encoding.UTF8.GetBytes(Strings().Replace(text, "[1]")));
        yield return ("impossible dates", Encoding.UTF8.GetBytes(Dates().Replace(text, "2026-02-30")));
        yield return ("far dates", Encoding.UTF8.GetBytes(Dates().Replace(text, "9999-12-31")));
        yield return ("nulls", Encoding.UTF8.GetBytes(Strings().Replace(text, "null")));
        yield return ("lone surrogates", Encoding.UTF8.GetBytes(Strings().Replace(text, "\"x\\ud800\"")));

        for (int i = 0; i < CasesPerFile; i++)
        {
            switch (random.Next(6))
            {
                case 0:
                    yield return ($"truncated {i}", original.Take(random.Next(original.Length)).ToArray());
                    break;
                case 1:
                    var flipped = (byte[])original.Clone();
                    for (int k = random.Next(1, 9); k > 0 && flipped.Length > 0; k--)
                    {
                        flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                    }

                    yield return ($"byte flips {i}", flipped);
                    break;
                case 2:
                    var lines = text.Split('\n').ToList();
                    lines.RemoveAt(random.Next(lines.Count));
                    yield return ($"line removed {i}", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
                    break;
                case 3:
                    var copied = text.Split('\n').ToList();
                    int at = random.Next(copied.Count);
                    copied.Insert(at, copied[at]);
                    yield return ($"line doubled {i}", Encoding.UTF8.GetBytes(string.Join('\n', copied)));
                    break;
                case 4:
                    var spliced = original.ToList();
                    spliced.InsertRange(random.Next(spliced.Count), Bytes(random, random.Next(1, 64)));
                    yield return ($"garbage spliced {i}", spliced.ToArray());
                    break;
                default:
                    string[] numbers = { "-1", "1e308", "NaN", "Infinity", "18446744073709551616", "0.0000001", "\"\"", "true" };
                    var matches = Numbers().Matches(text);
                    if (matches.Count == 0)
                    {
                        yield return ($"truncated {i}", original.Take(random.Next(original.Length)).ToArray());
                        break;
                    }

                    var match = matches[random.Next(matches.Count)];
                    yield return ($"number swapped {i}", Encoding.UTF8.GetBytes(text[..match.Index] + numbers[random.Next(numbers.Length)] + text[(match.Index + match.Length)..]));
                    break;
            }
        }
    }

    /// <summary>The same cases gzip-compressed, plus damage to the compressed stream itself.</summary>
    /// <summary>
    /// Reads every mutation of a text reader's seed file: each must be read, or refused with a <see cref="FormatException"/>
    /// that names its line; anything else fails the test (the exception escapes). Both outcomes must occur, or the
    /// mutations did not reach the reader.
    /// </summary>
    public static void AssertReadOrNamed(string seedText, int seed, Action<string> read)
    {
        int readCount = 0, named = 0;
        foreach (var (_, bytes) in Mutate(Encoding.UTF8.GetBytes(seedText), seed))
        {
            try
            {
                read(Encoding.UTF8.GetString(bytes));
                readCount++;
            }
            catch (FormatException e)
            {
                Assert.StartsWith("line ", e.Message, StringComparison.Ordinal);
                named++;
            }
        }

        Assert.True(readCount > 0 && named > 0, $"{readCount} read, {named} named");
    }

    public static IEnumerable<(string Name, byte[] Bytes)> MutateCompressed(byte[] original, int seed)
    {
        var random = new Random(seed);
        byte[] compressed = Gzip(original);
        yield return ("gzip truncated", compressed.Take(compressed.Length / 2).ToArray());
        yield return ("gzip header only", compressed.Take(10).ToArray());
        yield return ("not gzip at all", original);
        for (int i = 0; i < CasesPerFile / 4; i++)
        {
            var flipped = (byte[])compressed.Clone();
            flipped[random.Next(10, flipped.Length)] ^= (byte)(1 << random.Next(8));
            yield return ($"gzip byte flip {i}", flipped);
        }

        foreach (var (name, bytes) in Mutate(original, seed).Take(CasesPerFile / 4))
        {
            yield return ("gzip of " + name, Gzip(bytes));
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    [GeneratedRegex(@"(?<![\w.-])\d+(\.\d+)?(?![\w.-])")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"""[^""\n]{1,40}""(?!\s*:)")]
    private static partial Regex Strings();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Dates();
}

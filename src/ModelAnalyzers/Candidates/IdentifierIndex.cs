using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Candidates;

/// <summary>
/// Where each identifier-shaped word of a tree starts, read from the tree's text. Finding the few calls, creations and
/// assignments that may be sites by walking the syntax tree visits every node of the file (about 50,000 in a
/// 2,000-line file): that walk was most of one document's analysis when the document had just been edited. Reading
/// the text is a tenth of that, and <see cref="CandidateNodes"/> then finds each candidate with
/// <see cref="SyntaxNode.FindToken"/>, which only descends one path. Words in comments, strings and disabled code are
/// indexed too; the token found at a position tells whether it is really an identifier. Syntax only, so the index is
/// cached per tree and shared by every analyzer and compilation that sees the tree.
/// </summary>
internal sealed class IdentifierIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, Lazy<IdentifierIndex>> ByTree = new();

    // Read in chunks: one array of a whole file's characters would land on the large-object heap for every edit.
    private const int ChunkLength = 4096;

    // Word -> index of its first position; _next chains each position to the word's next one (-1: none).
    private readonly Dictionary<string, int> _first;
    private readonly int[] _positions;
    private readonly int[] _next;

    private IdentifierIndex(Dictionary<string, int> first, int[] positions, int[] next)
    {
        _first = first;
        _positions = positions;
        _next = next;
    }

    /// <summary>The tree's index, read once (a Lazy: analyzers asking at the same time wait instead of reading it twice).</summary>
    public static IdentifierIndex For(SyntaxTree tree) =>
        ByTree.GetValue(tree, t => new Lazy<IdentifierIndex>(() => Build(t.GetText(CancellationToken.None)))).Value;

    /// <summary>The start of every word spelled exactly <paramref name="name"/> (for a verbatim @name, where its @ is).</summary>
    public IEnumerable<int> PositionsOf(string name) => _first.TryGetValue(name, out int first) ? Chain(first) : Array.Empty<int>();

    /// <summary>The identifier tokens of the tree spelled <paramref name="name"/>: its words less those in comments, strings and disabled code.</summary>
    public static IEnumerable<SyntaxToken> Identifiers(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        SyntaxNode? root = null;
        foreach (int position in For(tree).PositionsOf(name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(position);
            if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.SpanStart == position)
            {
                yield return token;
            }
        }
    }

    /// <summary>The words of the tree spelled <paramref name="name"/> in any case (model, Model, MODEL).</summary>
    public IEnumerable<string> WordsEqualIgnoringCase(string name)
    {
        // A file has a few hundred distinct words, so looking at each is cheaper than indexing them twice.
        foreach (string word in _first.Keys)
        {
            if (string.Equals(word, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return word;
            }
        }
    }

    private IEnumerable<int> Chain(int first)
    {
        for (int index = first; index >= 0; index = _next[index])
        {
            yield return _positions[index];
        }
    }

    private static IdentifierIndex Build(SourceText text)
    {
        // About one word in six characters of C#: sized so that the arrays rarely grow.
        var words = new WordTable(Math.Max(1024, text.Length / 6));
        var chunk = new char[ChunkLength];
        var word = new char[64];
        int wordLength = 0;
        int wordStart = -1;
        bool inNumber = false;
        bool pendingNew = false;
        int pendingNewStart = 0;
        for (int offset = 0; offset < text.Length; offset += ChunkLength)
        {
            int count = Math.Min(ChunkLength, text.Length - offset);
            text.CopyTo(offset, chunk, 0, count);
            for (int i = 0; i < count; i++)
            {
                char c = chunk[i];
                int position = offset + i;
                if (wordStart >= 0 || inNumber)
                {
                    if (IsPart(c))
                    {
                        if (wordStart >= 0)
                        {
                            if (wordLength == word.Length)
                            {
                                Array.Resize(ref word, word.Length * 2);
                            }

                            word[wordLength++] = c;
                        }

                        continue;
                    }

                    if (wordStart >= 0)
                    {
                        // `new` only matters as an implicit creation, new(...): recorded when a '(' follows.
                        if (IsNew(word, wordLength))
                        {
                            pendingNew = true;
                            pendingNewStart = wordStart;
                        }
                        else
                        {
                            words.Add(word, wordLength, wordStart);
                        }
                    }

                    wordStart = -1;
                    inNumber = false;
                }

                if (pendingNew && !(c is ' ' or '\t' or '\r' or '\n' || (c > 127 && char.IsWhiteSpace(c))))
                {
                    // A comment between new and '(' is kept too: the token check decides.
                    if (c is '(' or '/')
                    {
                        words.Add(NewWord, NewWord.Length, pendingNewStart);
                    }

                    pendingNew = false;
                }

                if (IsStart(c))
                {
                    // A verbatim @name starts at its @, as its token does.
                    wordStart = position > 0 && text[position - 1] == '@' ? position - 1 : position;
                    wordLength = 0;
                    word[wordLength++] = c;
                }
                else if (c is >= '0' and <= '9' || (c > 127 && char.IsDigit(c)))
                {
                    // 1e10, 0x1F, 2UL: not words.
                    inNumber = true;
                }
            }
        }

        if (wordStart >= 0 && !IsNew(word, wordLength))
        {
            words.Add(word, wordLength, wordStart);
        }

        return words.ToIndex();
    }

    private static readonly char[] NewWord = "new".ToCharArray();

    private static bool IsNew(char[] word, int length) => length == 3 && word[0] == 'n' && word[1] == 'e' && word[2] == 'w';

    // Source is almost all ASCII: a table answers for it, char's Unicode look-ups for the rest.
    private static readonly byte[] Ascii = AsciiClasses();
    private const byte Start = 1;
    private const byte Part = 2;

    private static byte[] AsciiClasses()
    {
        var classes = new byte[128];
        for (char c = '\0'; c < 128; c++)
        {
            classes[c] = (byte)((char.IsLetter(c) || c == '_' ? Start | Part : 0) | (char.IsDigit(c) ? Part : 0));
        }

        return classes;
    }

    private static bool IsStart(char c) => c < 128 ? (Ascii[c] & Start) != 0 : char.IsLetter(c);

    // Letters, digits, '_' and the combining and formatting characters C# allows inside identifiers.
    private static bool IsPart(char c) => c < 128 ? (Ascii[c] & Part) != 0 : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
        or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.Format;

    /// <summary>
    /// Words to their positions, keyed by characters so that a word seen again allocates nothing. Each word's positions
    /// are a chain through two arrays shared by all words: a list per word made most of the index's allocations.
    /// </summary>
    private sealed class WordTable
    {
        private int[] _buckets = new int[1024];
        private readonly List<Word> _words = new();
        private int[] _positions;
        private int[] _nextPosition;
        private int _count;

        public WordTable(int expectedWords)
        {
            _positions = new int[expectedWords];
            _nextPosition = new int[expectedWords];
        }

        public void Add(char[] chars, int length, int position)
        {
            int hash = Hash(chars, length);
            int bucket = hash & (_buckets.Length - 1);
            for (int index = _buckets[bucket] - 1; index >= 0; index = _words[index].NextInBucket)
            {
                var word = _words[index];
                if (word.Hash == hash && word.Text.Length == length && SameChars(word.Text, chars, length))
                {
                    // Append first: it may replace the arrays, and the link must go into the new one.
                    int next = Append(position);
                    _nextPosition[word.Last] = next;
                    word.Last = next;
                    return;
                }
            }

            int first = Append(position);
            _words.Add(new Word(new string(chars, 0, length), hash, _buckets[bucket] - 1, first));
            _buckets[bucket] = _words.Count;
            if (_words.Count > _buckets.Length)
            {
                Grow();
            }
        }

        public IdentifierIndex ToIndex()
        {
            var firsts = new Dictionary<string, int>(_words.Count, StringComparer.Ordinal);
            foreach (var word in _words)
            {
                firsts[word.Text] = word.First;
            }

            return new IdentifierIndex(firsts, _positions, _nextPosition);
        }

        private int Append(int position)
        {
            if (_count == _positions.Length)
            {
                Array.Resize(ref _positions, _count * 2);
                Array.Resize(ref _nextPosition, _count * 2);
            }

            _positions[_count] = position;
            _nextPosition[_count] = -1;
            return _count++;
        }

        private void Grow()
        {
            _buckets = new int[_buckets.Length * 2];
            for (int index = 0; index < _words.Count; index++)
            {
                var word = _words[index];
                int bucket = word.Hash & (_buckets.Length - 1);
                word.NextInBucket = _buckets[bucket] - 1;
                _buckets[bucket] = index + 1;
            }
        }

        private static int Hash(char[] chars, int length)
        {
            unchecked
            {
                int hash = (int)2166136261;
                for (int i = 0; i < length; i++)
                {
                    hash = (hash ^ chars[i]) * 16777619;
                }

                return hash & int.MaxValue;
            }
        }

        private static bool SameChars(string known, char[] chars, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (known[i] != chars[i])
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Word
        {
            public Word(string text, int hash, int nextInBucket, int first)
            {
                Text = text;
                Hash = hash;
                NextInBucket = nextInBucket;
                First = first;
                Last = first;
            }

            public string Text { get; }

            public int Hash { get; }

            public int NextInBucket { get; set; }

            public int First { get; }

            public int Last { get; set; }
        }
    }
}

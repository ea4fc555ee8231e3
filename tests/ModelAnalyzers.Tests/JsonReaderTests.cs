using ModelAnalyzers.Catalog;

namespace ModelAnalyzers.Tests;

public class JsonReaderTests
{
    [Fact]
    public void ReadsEveryValueKindWithPositions()
    {
        var root = JsonReader.Parse("""
            {
              // appsettings files carry comments
              "s": "a\"b\u0041\n", "n": -1.5e2, "t": true, "f": false, "z": null,
              /* block */ "a": [1, {"x": "y"}]
            }
            """);

        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal("a\"bA\n", root["s"]!.AsString);
        Assert.Equal(-150, root["n"]!.AsNumber);
        Assert.True(root["t"]!.AsBool);
        Assert.False(root["f"]!.AsBool);
        Assert.Equal(JsonKind.Null, root["z"]!.Kind);
        Assert.Equal("y", root["a"]!.Items[1]["x"]!.AsString);
        Assert.Equal((3, 8), (root["s"]!.Line, root["s"]!.Column));
        Assert.Equal(4, root["a"]!.Line);
    }

    [Fact]
    public void LaterDuplicateKeyWins()
    {
        Assert.Equal(2, JsonReader.Parse("""{"k": 1, "k": 2}""")["k"]!.AsNumber);
    }

    [Fact]
    public void SettingsMayHaveOneTrailingCommaAsInAspNetCoreConfiguration()
    {
        const string Json = "{ \"a\": [ 1, 2, ], \"b\": { \"c\": \"d\", }, }";
        var root = JsonReader.Parse(Json, trailingCommas: true);

        Assert.Throws<JsonReaderException>(() => JsonReader.Parse(Json)); // overlays stay strict
        Assert.Equal(2, root["a"]!.Items.Count);
        Assert.Equal("d", root["b"]!["c"]!.AsString);
        foreach (var (json, column) in new[] { ("[1,,]", 4), ("[,]", 2), ("{,}", 2), ("{\"a\": 1,,}", 9) })
        {
            Assert.Equal(column, Assert.Throws<JsonReaderException>(() => JsonReader.Parse(json, trailingCommas: true)).Column);
        }
    }

    [Theory]
    [InlineData("{\"a\": }", 1, 7)]
    [InlineData("{\"a\": 1,,}", 1, 9)]
    [InlineData("[1, 2", 1, 6)]
    [InlineData("{\n  \"a\": tru }", 2, 8)]
    [InlineData("\"unterminated", 1, 14)]
    [InlineData("{} extra", 1, 4)]
    [InlineData("{\"a\": 1e999}", 1, 7)]
    [InlineData("", 1, 1)]
    public void MalformedInputThrowsWithThePosition(string json, int line, int column)
    {
        var error = Assert.Throws<JsonReaderException>(() => JsonReader.Parse(json));

        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void DeepNestingIsRejectedInsteadOfOverflowingTheStack()
    {
        string json = new string('[', 100_000) + new string(']', 100_000);

        Assert.Throws<JsonReaderException>(() => JsonReader.Parse(json));
    }
}

/// <summary>
/// The analyzers carry their own JSON reader (System.Text.Json is not reliably loadable inside every compiler host:
/// Visual Studio's .NET Framework compiler has its own copy, and an analyzer must not bring a second). This test holds
/// it equal to System.Text.Json on a seeded corpus of valid and broken documents: the same documents accepted, the same
/// string values read.
/// </summary>
public class JsonReaderEqualsSystemTextJsonTests
{
    private const string Seed = """
        {
          // appsettings with comments
          "Logging": { "LogLevel": { "Default": "Information" } },
          "OpenAI": { "ChatModel": "gpt-4", "Models": [ "o3", { "ModelId": "gpt-5-mini" } ], "Escaped": "a\"b\\c\u00e9\n" },
          /* block */ "Numbers": [ 0, -1.5e3, 2E-2, 10 ], "Flags": [ true, false, null ], "Empty": {}, "None": []
        }
        """;

    [Fact]
    public void AcceptsAndReadsExactlyWhatSystemTextJsonDoes()
    {
        var random = new Random(20261123);
        var documents = new List<string> { Seed, "[]", "{}", "\"x\"", "1", "true", "null", " { \"a\" : [ 1 , 2 ] } " };
        const string alphabet = "{}[]\",:/*\\ 0123456789.eE+-tfnrual\n";
        for (int i = 0; i < 3000; i++)
        {
            var text = Seed.ToCharArray().ToList();
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0: text.RemoveAt(at); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            documents.Add(new string(text.ToArray()));
        }

        foreach (var document in documents)
        {
            var expected = SystemTextJsonStrings(document);
            List<string>? actual;
            try
            {
                actual = new List<string>();
                Collect(JsonReader.Parse(document), actual);
            }
            catch (JsonReaderException)
            {
                actual = null;
            }

            Assert.True(
                expected is null == actual is null && (expected is null || expected.SequenceEqual(actual!)),
                $"readers disagree on:\n{document}\nSystem.Text.Json: {(expected is null ? "rejects" : string.Join("|", expected))}\nours: {(actual is null ? "rejects" : string.Join("|", actual))}");
        }
    }

    private static List<string>? SystemTextJsonStrings(string document)
    {
        var strings = new List<string>();
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(document), new System.Text.Json.JsonReaderOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            MaxDepth = 64,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is System.Text.Json.JsonTokenType.String or System.Text.Json.JsonTokenType.PropertyName)
                {
                    strings.Add(reader.GetString()!);
                }
            }

            return strings;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonValue value, List<string> strings)
    {
        switch (value.Kind)
        {
            case JsonKind.String:
                strings.Add(value.AsString!);
                break;
            case JsonKind.Object:
                foreach (var property in value.Properties)
                {
                    strings.Add(property.Key);
                    Collect(property.Value, strings);
                }

                break;
            case JsonKind.Array:
                foreach (var item in value.Items)
                {
                    Collect(item, strings);
                }

                break;
        }
    }
}

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

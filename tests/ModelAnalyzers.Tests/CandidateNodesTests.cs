using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The candidate finder reads a tree's words instead of visiting its nodes; it must list exactly the nodes a full walk
/// filtered by the same names lists, in the same order.
/// </summary>
public class CandidateNodesTests
{
    private const string Tricky = """
        using Alias = Acme.AiClient;
        namespace Acme;
        public class AiClient { public AiClient(string model = "") { } public string Model { get; set; } = ""; public AiClient GetAiClient(string model) => this; }
        public class Uses
        {
            // GetAiClient("gpt-4") in a comment, and new AiClient() too
            /* Model = "x" */
            private AiClient _field = new("gpt-4");
            private AiClient _spaced = new /* gap */ ("gpt-4");
            void M(AiClient client, AiClient? maybe, System.Func<string, int> ask)
            {
                _ = "GetAiClient(\"gpt-4\") in a string";
                _ = $"{client.GetAiClient("gpt-4o")} and GetAiClient in text";
                _ = client.GetAiClient("a").GetAiClient(client.GetAiClient("b").Model);
                _ = maybe?.GetAiClient("c");
                _ = client.@GetAiClient("d");
                _ = new Acme.AiClient("e");
                _ = new global::Acme.AiClient("f");
                _ = new Alias("g");
                _ = new AiClient { Model = "h" };
                client.Model = "i";
                maybe?.Model = "j";
                _ = ask(MODEL: "k");
                _ = new AiClient(model: "l");
                AiClient implicitly = new();
                _ = new { Model = "anonymous" };
                _ = new AiClient[] { };
        #if NEVER
                _ = client.GetAiClient("disabled");
        #endif
            }
        }
        """;

    private static readonly CandidateNames Names = new(new[] { "GetAiClient", "AiClient", "Alias", "Model" }, anyCase: new[] { "model" }, implicitCreations: true);

    [Fact]
    public void FindsWhatAFullWalkFindsInOrder()
    {
        var tree = CSharpSyntaxTree.ParseText(Tricky);

        var found = CandidateNodes.Find(tree, Names, CancellationToken.None);

        Assert.Equal(FullWalk(tree, Names).Select(Describe), found.Select(Describe));
        Assert.Equal(17, found.Count); // every call, creation and assignment in M and the fields but maybe?.Model = "j" (not an assignment before C# 14), new { } and new T[]
    }

    [Fact]
    public void IgnoresWordsOutsideCode()
    {
        var tree = CSharpSyntaxTree.ParseText(Tricky);

        var found = CandidateNodes.Find(tree, Names, CancellationToken.None).Select(n => n.ToString()).ToList();

        Assert.DoesNotContain(found, n => n.Contains("disabled") || n.Contains("in a string") || n.Contains("anonymous"));
        Assert.Contains("client.GetAiClient(\"gpt-4o\")", found);
    }

    [Fact]
    public void NamesMatchExactlyUnlessAnyCase()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M(System.Func<string, int> ask) { _ = ask(MODEL: \"k\"); getchatclient(); GetAiClient(); } void GetAiClient() { } void getchatclient() { } }");

        var exact = CandidateNodes.Find(tree, new CandidateNames(new[] { "GetAiClient", "model" }), CancellationToken.None);
        var anyCase = CandidateNodes.Find(tree, new CandidateNames(new string[0], anyCase: new[] { "model" }), CancellationToken.None);

        Assert.Equal(new[] { "GetAiClient()" }, exact.Select(n => n.ToString()));
        Assert.Equal(new[] { "ask(MODEL: \"k\")" }, anyCase.Select(n => n.ToString()));
    }

    [Fact]
    public void ReadsWordsAcrossTheIndexChunks()
    {
        // Identifiers at and across every offset near the 4,096-character chunk boundary.
        var source = new System.Text.StringBuilder("class C { void M(C c) {\n");
        while (source.Length < 4096 - 40)
        {
            source.Append("        _ = c.Other();\n");
        }

        for (int i = 0; i < 40; i++)
        {
            source.Append(' ').Append("_ = c.GetAiClient();\n");
        }

        source.Append("} C GetAiClient() => this; C Other() => this; }");
        var tree = CSharpSyntaxTree.ParseText(source.ToString());
        var names = new CandidateNames(new[] { "GetAiClient" });

        var found = CandidateNodes.Find(tree, names, CancellationToken.None);

        Assert.Equal(40, found.Count);
        Assert.Equal(FullWalk(tree, names), found);
    }

    [Fact]
    public void FindsEveryOccurrenceOfAWordSeenThousandsOfTimes()
    {
        // More occurrences than the index's first arrays hold, interleaved with other words.
        var source = new System.Text.StringBuilder("class C { C GetAiClient() => this; C Other() => this; void M(C c) {\n");
        for (int i = 0; i < 10_000; i++)
        {
            source.Append(i % 3 == 0 ? "_ = c.GetAiClient();\n" : "_ = c.Other();\n");
        }

        var tree = CSharpSyntaxTree.ParseText(source.Append("} }").ToString());

        var found = CandidateNodes.Find(tree, new CandidateNames(new[] { "GetAiClient" }), CancellationToken.None);

        Assert.Equal(3_334, found.Count);
    }

    [Fact]
    public void TheIndexKeepsEveryPositionOfAWordAsItGrows()
    {
        // One word only, so every growth of the index's arrays happens while that word's chain is extended.
        var tree = CSharpSyntaxTree.ParseText("// " + string.Concat(Enumerable.Repeat("word ", 20_000)));

        var positions = IdentifierIndex.For(tree).PositionsOf("word").ToList();

        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => 3 + 5 * i), positions);
    }

    [Fact]
    public void HalfTypedCodeGivesNodesOrNothing()
    {
        foreach (var source in new[] { "class C { void M() { x.GetAiClient(", "new(", "@", "class C { AiClient c = new", "GetAiClient" })
        {
            var tree = CSharpSyntaxTree.ParseText(source);

            var found = CandidateNodes.Find(tree, Names, CancellationToken.None);

            Assert.Equal(FullWalk(tree, Names), found);
        }
    }

    /// <summary>The reference: every call, creation and assignment whose name (or a named argument) is one of the names.</summary>
    private static List<SyntaxNode> FullWalk(SyntaxTree tree, CandidateNames names)
    {
        bool Named(string? name) => name is not null
            && (names.Exact.Contains(name) || names.AnyCase.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)));
        bool NamedArgument(ArgumentListSyntax? list) => list is not null && list.Arguments.Any(a => a.NameColon is { } colon && Named(colon.Name.Identifier.ValueText));

        return tree.GetRoot().DescendantNodes().Where(node => node switch
        {
            InvocationExpressionSyntax invocation => Named(NodeNames.InvokedName(invocation.Expression)) || NamedArgument(invocation.ArgumentList),
            ImplicitObjectCreationExpressionSyntax => names.ImplicitCreations,
            BaseObjectCreationExpressionSyntax creation => Named(NodeNames.TypeName(creation)) || NamedArgument(creation.ArgumentList),
            AssignmentExpressionSyntax assignment => Named(NodeNames.AssignedName(assignment.Left)),
            _ => false,
        }).ToList();
    }

    private static string Describe(SyntaxNode node) => $"{node.Kind()} {node.SpanStart} {node}";
}

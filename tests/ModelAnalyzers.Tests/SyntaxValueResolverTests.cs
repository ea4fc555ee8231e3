using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Tests.Infrastructure;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The syntax-and-symbols resolver spares the operation tree of a member; wherever it answers, it must answer
/// exactly as the operation resolver does (same literals, same nodes for a fix to edit), and it must decline what only
/// operations can tell (a local that may be written again).
/// </summary>
public class SyntaxValueResolverTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;

        static class Models
        {
            public const string Chat = "gpt-4";
            public static readonly string Fallback = "gpt-4o";
            public static string Settable { get; set; } = "o1";
        }

        class Uses
        {
            private const string Local = "gpt-4" + "-turbo";
            private readonly string _configured;
            private string _mutable = "gpt-4o-mini";

            Uses(bool fast) { _configured = fast ? "gpt-4o-mini" : "gpt-4o"; }

            static void Use(string model) { }
            static void UseObject(object model) { }

            void M(string input, bool fast, int tier, Dictionary<string, string> config, string? maybe)
            {
                const string constLocal = "o3-mini";
                var assignedOnce = "gpt-4.1";
                var assignedTwice = "gpt-4.1-mini";
                assignedTwice = input;
                Use("gpt-4");
                Use(("gpt-4"));
                Use(Models.Chat);
                Use(Local);
                Use(Models.Fallback);
                Use(Models.Settable);
                Use(_configured);
                Use(_mutable);
                Use(this._configured);
                Use(input);
                Use(constLocal);
                Use(assignedOnce);
                Use(assignedTwice);
                Use(fast ? "gpt-5-mini" : input);
                Use(true ? "gpt-5" : "gpt-5-nano");
                Use(fast ? (tier > 1 ? "o3" : Models.Chat) : Models.Fallback);
                Use(Environment.GetEnvironmentVariable("MODEL") ?? "gpt-4o");
                Use(maybe ?? Models.Chat);
                Use(config["model"] ?? "gpt-4.1-nano");
                Use(tier switch { 0 => "gpt-4", 1 => Models.Fallback, _ => input });
                Use(nameof(Models));
                Use($"gpt-{Models.Chat}");
                Use("gpt-" + tier);
                Use(input.Trim());
                Use(fast ? assignedOnce : "gpt-4");
                Use((string)(object)"gpt-4");
                UseObject("gpt-4");
                UseObject(tier);
            }
        }
        """;

    [Fact]
    public async Task AnswersAsTheOperationResolverWhereverItAnswers()
    {
        var (model, arguments) = await ArgumentsAsync();
        int answered = 0;
        foreach (var argument in arguments)
        {
            var fromSyntaxSources = new ValueSources(members: null);
            bool answers = SyntaxValueResolver.TryResolve(argument, model, fromSyntaxSources, CancellationToken.None);
            var fromSyntax = fromSyntaxSources.Literals;
            // As the site walker follows it: the value of the call's argument.
            var call = (IInvocationOperation)model.GetOperation(argument.Ancestors().OfType<InvocationExpressionSyntax>().First())!;
            var fromOperationsSources = new ValueSources(members: null);
            ModelValueResolver.Resolve(call.Arguments[0].Value, fromOperationsSources, CancellationToken.None);
            var fromOperations = fromOperationsSources.Literals;
            if (answers)
            {
                answered++;
                Assert.True(Located(fromOperations) == Located(fromSyntax), $"{argument}: {Located(fromOperations)} from operations, {Located(fromSyntax)} from syntax");
            }
            else
            {
                Assert.Empty(fromSyntax);
            }
        }

        // Everything but the locals that are not const, the cast and the concatenation that is not constant is answered from syntax.
        Assert.Equal(arguments.Count - 5, answered);
    }

    [Theory]
    [InlineData("assignedOnce")]
    [InlineData("assignedTwice")]
    [InlineData("fast ? assignedOnce : \"gpt-4\"")]
    [InlineData("(string)(object)\"gpt-4\"")]
    [InlineData("\"gpt-\" + tier")]
    public async Task LeavesToOperationsWhatOnlyTheyCanTell(string expression)
    {
        var (model, arguments) = await ArgumentsAsync();
        var argument = arguments.First(a => a.ToString() == expression);
        var results = new ValueSources(members: null);

        Assert.False(SyntaxValueResolver.TryResolve(argument, model, results, CancellationToken.None));
        Assert.Empty(results.Literals);
    }

    [Theory]
    [InlineData("fast ? (tier > 1 ? \"o3\" : Models.Chat) : Models.Fallback", "\"o3\"=o3 | \"gpt-4\"=gpt-4 | \"gpt-4o\"=gpt-4o")]
    [InlineData("true ? \"gpt-5\" : \"gpt-5-nano\"", "true ? \"gpt-5\" : \"gpt-5-nano\"=gpt-5")]
    [InlineData("_configured", "\"gpt-4o-mini\"=gpt-4o-mini | \"gpt-4o\"=gpt-4o")]
    [InlineData("Environment.GetEnvironmentVariable(\"MODEL\") ?? \"gpt-4o\"", "\"gpt-4o\"=gpt-4o")]
    [InlineData("_mutable", "")]
    public async Task FollowsShapesToTheLiteralsAFixEdits(string expression, string expected)
    {
        var (model, arguments) = await ArgumentsAsync();
        var argument = arguments.First(a => a.ToString() == expression);
        var results = new ValueSources(members: null);

        Assert.True(SyntaxValueResolver.TryResolve(argument, model, results, CancellationToken.None));
        Assert.Equal(expected, Describe(results.Literals));
    }

    private static string Describe(IEnumerable<ModelLiteral> literals) => string.Join(" | ", literals.Select(l => $"{l.Node}={l.Value}"));

    private static string Located(IEnumerable<ModelLiteral> literals) => string.Join(" | ", literals.Select(l => $"{l.Node.Span}:{l.Node}={l.Value}"));

    private static async Task<(SemanticModel Model, List<ExpressionSyntax> Arguments)> ArgumentsAsync()
    {
        var document = (await Workbench.CreateProjectAsync()).AddDocument("Uses.cs", Source);
        var model = (await document.GetSemanticModelAsync())!;
        Assert.Empty(model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var arguments = (await document.GetSyntaxRootAsync())!.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is IdentifierNameSyntax { Identifier.ValueText: "Use" or "UseObject" })
            .Select(call => call.ArgumentList.Arguments[0].Expression)
            .ToList();
        Assert.Equal(28, arguments.Count);
        return (model, arguments);
    }
}

using System.Collections.Generic;
using System.Linq;

namespace ModelAnalyzers.Candidates;

/// <summary>
/// The names that can make a call, creation or assignment a candidate of one walk: the name it invokes, the type
/// it constructs, the member it assigns or a named argument (<see cref="NodeNames.InvokedName"/>,
/// <see cref="NodeNames.TypeName"/>, <see cref="NodeNames.AssignedName"/>). Each walk keeps its own exact filters;
/// these names only have to include every name they accept.
/// </summary>
internal sealed class CandidateNames
{
    public CandidateNames(IEnumerable<string> exact, IEnumerable<string>? anyCase = null, bool implicitCreations = false)
    {
        Exact = exact.ToArray(); // a name listed twice costs a look-up: its positions are visited once (Find)
        AnyCase = anyCase?.ToArray() ?? System.Array.Empty<string>();
        ImplicitCreations = implicitCreations;
    }

    /// <summary>Names matched as spelled.</summary>
    public IReadOnlyList<string> Exact { get; }

    /// <summary>Names matched in any case (the wrapper rule's model, ModelId, deploymentName...).</summary>
    public IReadOnlyList<string> AnyCase { get; }

    /// <summary>Whether every target-typed new(...) is a candidate: it names no type.</summary>
    public bool ImplicitCreations { get; }

    /// <summary>
    /// Whether one node could be a candidate of these names, by the same names <see cref="CandidateNodes.Find"/> reads:
    /// for a question about a few nodes of a file whose candidates were never listed.
    /// </summary>
    public bool MayMake(Microsoft.CodeAnalysis.SyntaxNode node) => node switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call => Has(NodeNames.InvokedName(call.Expression)) || HasNamedArgument(call.ArgumentList),
        Microsoft.CodeAnalysis.CSharp.Syntax.ImplicitObjectCreationExpressionSyntax created => ImplicitCreations || HasNamedArgument(created.ArgumentList),
        Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax created => Has(NodeNames.TypeName(created)) || HasNamedArgument(created.ArgumentList),
        Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorInitializerSyntax => true,
        Microsoft.CodeAnalysis.CSharp.Syntax.PrimaryConstructorBaseTypeSyntax baseType => Has(NodeNames.BaseTypeName(baseType)),
        Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment => Has(NodeNames.AssignedName(assignment.Left)),
        _ => false,
    };

    private HashSet<string>? _exact;

    private bool Has(string? name) =>
        name is not null && ((_exact ??= new HashSet<string>(Exact, System.StringComparer.Ordinal)).Contains(name)
            || AnyCase.Any(a => string.Equals(a, name, System.StringComparison.OrdinalIgnoreCase)));

    private bool HasNamedArgument(Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax? list) =>
        list is not null && list.Arguments.Any(a => a.NameColon is { } named && Has(named.Name.Identifier.ValueText));

    /// <summary>The names of two walks that share one list of candidates.</summary>
    public CandidateNames With(CandidateNames other) =>
        new(Exact.Concat(other.Exact), AnyCase.Concat(other.AnyCase), ImplicitCreations || other.ImplicitCreations);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Walk;

/// <summary>
/// A team's own wrappers: outside the SDKs, a string parameter named model, modelId, modelName or deploymentName (any
/// case), or a settable string property named Model, ModelId or ModelName, is a site when a known model id reaches it.
/// Members of the SDK assemblies are judged by the site map alone, so SDK test factories and response types never
/// fire. Cheap by construction: a call or assignment is bound only when its syntax holds a known id or a model-ish name,
/// and a call only when the method (or the constructed type) is one that declares a model-named parameter
/// (<see cref="WrapperNames"/>).
/// </summary>
internal static class WrapperSites
{
    /// <param name="candidates">Nodes found by at least <see cref="WrapperNames.CandidateNames"/>.</param>
    public static void Walk(SemanticModel model, WrapperNames wrappers, IEnumerable<SyntaxNode> candidates, Func<string, bool> isKnownModel, Action<IOperation, bool> onValue, CancellationToken cancellationToken)
    {
        foreach (var node in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                // The name look-up first: it rejects almost every call, and reading the arguments costs more.
                case InvocationExpressionSyntax invocation when (wrappers.Contains(NodeNames.InvokedName(invocation.Expression)) || HasModelNamedArgument(invocation.ArgumentList))
                        && MayPassModel(invocation.ArgumentList, isKnownModel):
                case BaseObjectCreationExpressionSyntax creation when (creation is ImplicitObjectCreationExpressionSyntax || wrappers.Contains(NodeNames.TypeName(creation)) || HasModelNamedArgument(creation.ArgumentList))
                        && MayPassModel(creation.ArgumentList, isKnownModel):
                // An agent that passes its model to its base: Summarizer() : base("o4-mini"), Translator() : AgentBase("o3-mini").
                case ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax when MayPassModel(SiteWalker.ArgumentsOf(node), isKnownModel)
                        && (node is ConstructorInitializerSyntax || wrappers.Contains(NodeNames.BaseTypeName((PrimaryConstructorBaseTypeSyntax)node))):
                    var operation = model.GetOperation(node, cancellationToken);
                    var (method, arguments) = operation switch
                    {
                        IInvocationOperation call => (call.TargetMethod, call.Arguments),
                        IObjectCreationOperation { Constructor: { } constructor } created => (constructor, created.Arguments),
                        _ => (null, default),
                    };
                    if (method is null || IsSdkMember(method))
                    {
                        break;
                    }

                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue
                            && argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                            && ParameterKind(parameter.Name) is { } isDeployment)
                        {
                            onValue(argument.Value, isDeployment);
                        }
                    }

                    break;
                case AssignmentExpressionSyntax assignment when IsModelPropertyName(NodeNames.AssignedName(assignment.Left)) && MayBeModel(assignment.Right, isKnownModel):
                    if (model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation
                        {
                            Target: IPropertyReferenceOperation { Property: { SetMethod: not null, Type.SpecialType: SpecialType.System_String } property },
                        } set
                        && !IsSdkMember(property))
                    {
                        onValue(set.Value, false);
                    }

                    break;
            }
        }
    }

    /// <summary>null: not a wrapper model parameter; false: a model; true: a deployment name.</summary>
    public static bool? ParameterKind(string name) => ModelWords.IsDeployment(name);

    // Exact names only: an assignment to TextModel or CheapestModel may be a price table's; a property of any name is
    // followed from a site that reads it (its initializer and getter), which proves the value reaches the SDK.
    private static bool IsModelPropertyName(string? name) =>
        ModelWords.IsDeployment(name) == false;

    // ask(model: "gpt-4") on a delegate or a method the index does not see (a local function in a body).
    private static bool HasModelNamedArgument(ArgumentListSyntax? list) =>
        list is not null && list.Arguments.Any(a => a.NameColon is { } named && ParameterKind(named.Name.Identifier.ValueText) is not null);

    private static bool MayPassModel(ArgumentListSyntax? list, Func<string, bool> isKnownModel)
    {
        if (list is null)
        {
            return false;
        }

        foreach (var argument in list.Arguments)
        {
            if ((argument.NameColon is { } named && ParameterKind(named.Name.Identifier.ValueText) is not null) || MayBeModel(argument.Expression, isKnownModel))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A known id as a literal, or a name that says model (ChatModel, Models.Default, DefaultModelId), in any of <see cref="ValueShapes"/>.</summary>
    private static bool MayBeModel(ExpressionSyntax expression, Func<string, bool> isKnownModel) => ValueShapes.Any(expression, value => value switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression) && isKnownModel(literal.Token.ValueText),
        IdentifierNameSyntax name => SaysModel(name),
        MemberAccessExpressionSyntax access => SaysModel(access.Name) || MayBeModel(access.Expression, isKnownModel),
        _ => false,
    });

    private static bool SaysModel(SimpleNameSyntax name) => name.Identifier.ValueText.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsSdkMember(ISymbol member) => SdkAssemblies.IsSdk(member.ContainingAssembly?.Identity.Name ?? "");
}

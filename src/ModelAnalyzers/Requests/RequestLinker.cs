using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Values;

namespace ModelAnalyzers.Requests;

/// <summary>
/// Step two of MDL0004 (and of the switching-safe fixes): from an option assignment to the model of the request.
/// Links only what is certain inside one method: an options object created there (directly or in a local written once)
/// that carries its own model, or that is passed to a call on a client whose model resolves (a local, a readonly
/// field or get-only property of the type, or the SDK call chain that made the client). Anything else: no models.
/// </summary>
internal static class RequestLinker
{
    private const int MaxDepth = 8;

    /// <summary>The assignments MDL0004 checks: to a property of a name some SDK's request options have.</summary>
    public static readonly CandidateNames CheckedAssignments = new(RequestOptionMap.CheckedPropertyNames);

    private static readonly RequestOption ConstructorModel = new("", "", "model", OptionRole.Model);

    /// <summary>
    /// Every option assignment in the tree that MDL0004 checks (a rejected parameter, an output limit or a reasoning effort), linked to its
    /// request: shared by the analyzer and the switching-safe fixes, which read the same links in opposite directions.
    /// </summary>
    public static IEnumerable<OptionLink> LinkAll(
        SemanticModel model, IReadOnlyDictionary<IPropertySymbol, RequestOption> options, SiteIndex sites, MemberSources? members, CancellationToken cancellationToken)
    {
        foreach (var node in CandidateNodes.Find(model.SyntaxTree, CheckedAssignments, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is AssignmentExpressionSyntax assignment
                && RequestOptionMap.CheckedPropertyNames.Contains(NodeNames.AssignedName(assignment.Left) ?? "")
                && model.GetOperation(assignment, cancellationToken) is { } operation
                && OptionOf(operation, options) is { Role: OptionRole.Parameter or OptionRole.OutputLimit or OptionRole.ReasoningEffort }
                && Link(operation, options, sites, members, cancellationToken) is { } request
                && request.Assignments.FirstOrDefault(a => a.Assignment == operation) is { Option: not null } assigned)
            {
                yield return new OptionLink(assignment, assigned, request);
            }
        }
    }

    /// <summary>The options property an assignment sets, when it is one of the map's.</summary>
    public static RequestOption? OptionOf(IOperation assignment, IReadOnlyDictionary<IPropertySymbol, RequestOption> options) =>
        TargetProperty(assignment) is { } property && options.TryGetValue(property.OriginalDefinition, out var option) ? option : null;

    public static RequestObject? Link(IOperation assignment, IReadOnlyDictionary<IPropertySymbol, RequestOption> options, SiteIndex sites, MemberSources? members, CancellationToken cancellationToken)
    {
        if (!FindObject(assignment, out var creation, out var local))
        {
            return null;
        }

        var root = Root(assignment);
        var request = new RequestObject();
        if (creation?.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                Collect(member, options, request);
            }
        }

        if (local is not null)
        {
            foreach (var use in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
            {
                // options.Temperature = 0.2f; options.StopSequences = { ... } cannot be written on a local, so assignments only.
                if (SymbolEqualityComparer.Default.Equals(use.Local, local) && use.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation set } reference
                    && set.Target == reference)
                {
                    Collect(set, options, request);
                }
            }
        }

        // The request's own model wins: ChatOptions.ModelId overrides the client's default, and so on.
        var ownModels = request.Assignments.Where(a => a.Option.Role == OptionRole.Model).ToList();
        if (creation?.Constructor is { } constructor && sites.Find(constructor) is { } constructorSites)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && constructorSites.Any(s => s.Parameter == argument.Parameter?.Name))
                {
                    ownModels.Add(new OptionAssignment(ConstructorModel, argument, argument.Value)); // new CreateResponseOptions("gpt-5", ...)
                }
            }
        }

        if (ownModels.Count > 0)
        {
            foreach (var model in ownModels)
            {
                var found = new ValueSources(members);
                ModelValueResolver.Resolve(model.Value, found, cancellationToken);
                var literals = found.Literals;
                if (literals.Count == 0)
                {
                    request.Models.Clear();
                    return request; // set to something unknown: the client's model no longer applies
                }

                request.Models.AddRange(literals);
            }

            return request;
        }

        foreach (var call in Calls(creation, local, root))
        {
            var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            ClientModels(receiver, sites, members, request.Models, 0, cancellationToken);
        }

        return request;
    }

    private static IPropertySymbol? TargetProperty(IOperation assignment) => assignment switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation reference } => reference.Property,
        IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation reference } => reference.Property,
        _ => null,
    };

    private static void Collect(IOperation assignment, IReadOnlyDictionary<IPropertySymbol, RequestOption> options, RequestObject request)
    {
        IOperation? value = assignment switch
        {
            ISimpleAssignmentOperation set => set.Value,
            IMemberInitializerOperation init => init.Initializer,
            _ => null,
        };
        if (value is null)
        {
            return;
        }

        if (OptionOf(assignment, options) is { } option)
        {
            request.Assignments.Add(new OptionAssignment(option, assignment, value));
            if (option.Role == OptionRole.ReasoningEffort)
            {
                request.Effort = Combine(request.Effort, ClassifyEffort(value));
            }

            return;
        }

        // Reasoning = new ReasoningOptions { Effort = ... } (Microsoft.Extensions.AI, OpenAI Responses): one level down.
        if (Unwrap(value) is IObjectCreationOperation { Initializer: { } nested })
        {
            foreach (var member in nested.Initializers)
            {
                if (OptionOf(member, options) is { Role: OptionRole.ReasoningEffort } && member is ISimpleAssignmentOperation effort)
                {
                    request.Effort = Combine(request.Effort, ClassifyEffort(effort.Value));
                }
            }
        }
        else if (TargetProperty(assignment)?.Name is "Reasoning" or "ReasoningOptions")
        {
            request.Effort = EffortSetting.Unknown; // reasoning options built elsewhere
        }
    }

    private static EffortSetting Combine(EffortSetting current, EffortSetting next) =>
        current == EffortSetting.Absent || current == next ? next : EffortSetting.Unknown;

    /// <summary>"none", ChatReasoningEffortLevel.None, ReasoningEffort.None; a constant of another value is Other.</summary>
    internal static EffortSetting ClassifyEffort(IOperation value)
    {
        if (Unwrap(value).ConstantValue is { HasValue: true, Value: null })
        {
            return EffortSetting.Absent;
        }

        return EffortLevel(value) switch
        {
            null => EffortSetting.Unknown,
            "none" => EffortSetting.None,
            _ => EffortSetting.Other,
        };
    }

    /// <summary>
    /// The effort as the wire says it ("none", "low", "xhigh"): a string constant, or a named level of the SDK's type
    /// (ChatReasoningEffortLevel.Low, ReasoningEffort.ExtraHigh); null when not known here (a variable, a number).
    /// </summary>
    internal static string? EffortLevel(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is string text ? text.Trim().ToLowerInvariant() : null; // an enum's number: the name tells
        }

        return value switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true } field } => WireName(field.Name),
            IPropertyReferenceOperation { Property: { IsStatic: true } property } => WireName(property.Name),
            IObjectCreationOperation { Arguments.Length: 1 } created => EffortLevel(created.Arguments[0].Value), // new ChatReasoningEffortLevel("none")
            _ => null,
        };

        static string WireName(string name) => name == "ExtraHigh" ? "xhigh" : name.ToLowerInvariant();
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    /// <summary>The object an option is set on: created in an initializer, or a local written only by its declaration.</summary>
    private static bool FindObject(IOperation assignment, out IObjectCreationOperation? creation, out ILocalSymbol? local)
    {
        creation = null;
        local = null;
        if (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created })
        {
            creation = created;
            var consumer = created.Parent;
            while (consumer is IConversionOperation)
            {
                consumer = consumer.Parent;
            }

            if (consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                local = declarator.Symbol;
            }
        }
        else if (assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation reference } })
        {
            local = reference.Local;
            creation = InitialValue(reference) as IObjectCreationOperation;
        }
        else
        {
            return false;
        }

        // A local that is assigned again may hold another object: the link would not be certain.
        if (local is { } found)
        {
            var anyUse = Root(assignment).DescendantsAndSelf().OfType<ILocalReferenceOperation>().FirstOrDefault(u => SymbolEqualityComparer.Default.Equals(u.Local, found));
            if (anyUse is not null && !ModelValueResolver.IsOnlyWrittenByInitializer(anyUse, found))
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation? InitialValue(ILocalReferenceOperation reference)
    {
        if (reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator
            && reference.SemanticModel?.GetOperation(declarator) is IVariableDeclaratorOperation declaration
            && declaration.Initializer?.Value is { } value)
        {
            return Unwrap(value);
        }

        return null;
    }

    /// <summary>The calls the object is passed to as an argument.</summary>
    private static IEnumerable<IInvocationOperation> Calls(IObjectCreationOperation? creation, ILocalSymbol? local, IOperation root)
    {
        var values = new List<IOperation>();
        if (local is not null)
        {
            values.AddRange(root.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Where(u => SymbolEqualityComparer.Default.Equals(u.Local, local)));
        }
        else if (creation is not null)
        {
            values.Add(creation);
        }

        foreach (var value in values)
        {
            var parent = value.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation call })
            {
                yield return call;
            }
        }
    }

    /// <summary>The model a client was made for, following the client back to the SDK call or constructor that made it.</summary>
    internal static void ClientModels(IOperation? client, SiteIndex sites, MemberSources? members, List<ModelLiteral> results, int depth, CancellationToken cancellationToken)
    {
        if (client is null || depth > MaxDepth)
        {
            return;
        }

        switch (client)
        {
            case IConversionOperation conversion:
                ClientModels(conversion.Operand, sites, members, results, depth + 1, cancellationToken);
                return;
            case ILocalReferenceOperation reference when ModelValueResolver.IsOnlyWrittenByInitializer(reference, reference.Local):
                ClientModels(InitialValue(reference), sites, members, results, depth + 1, cancellationToken);
                return;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                foreach (var value in MemberValues(field, client.SemanticModel, cancellationToken))
                {
                    ClientModels(value, sites, members, results, depth + 1, cancellationToken);
                }

                return;
            case IPropertyReferenceOperation { Property: { SetMethod: null } property }:
                foreach (var value in MemberValues(property, client.SemanticModel, cancellationToken))
                {
                    ClientModels(value, sites, members, results, depth + 1, cancellationToken);
                }

                return;
        }

        IMethodSymbol? method = (client as IInvocationOperation)?.TargetMethod ?? (client as IObjectCreationOperation)?.Constructor;
        var arguments = (client as IInvocationOperation)?.Arguments ?? (client as IObjectCreationOperation)?.Arguments ?? default;
        if (method is null || arguments.IsDefault)
        {
            return;
        }

        if (sites.Find(method) is { } methodSites)
        {
            foreach (var argument in arguments)
            {
                // A deployment name says nothing certain about the model behind it: no link.
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && methodSites.Any(s => s.Parameter == argument.Parameter?.Name && !s.IsDeployment))
                {
                    var found = new ValueSources(members);
                    ModelValueResolver.Resolve(argument.Value, found, cancellationToken);
                    results.AddRange(found.Literals);
                    return;
                }
            }
        }

        // AsIChatClient(), AsBuilder().UseFunctionInvocation().Build(): the model is the receiver's.
        if (client is IInvocationOperation call && SdkAssemblies.PassModelAlong.Contains(method.ContainingAssembly?.Identity.Name ?? ""))
        {
            var receiver = call.Instance ?? (method.IsExtensionMethod && arguments.Length > 0 ? arguments[0].Value : null);
            ClientModels(receiver, sites, members, results, depth + 1, cancellationToken);
        }
    }

    /// <summary>
    /// A readonly field's or get-only property's values from its initializer and the constructors' assignments, read
    /// in the tree being analyzed only (a semantic model of another tree is not ours to create in an analyzer).
    /// </summary>
    private static IEnumerable<IOperation> MemberValues(ISymbol member, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null)
        {
            yield break;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer, cancellationToken) is { } value)
            {
                yield return value;
            }
        }

        var constructors = member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (model.GetOperation(assignment, cancellationToken) is ISimpleAssignmentOperation set
                        && (set.Target as IMemberReferenceOperation)?.Member is { } target
                        && SymbolEqualityComparer.Default.Equals(target, member)
                        && (set.Target as IMemberReferenceOperation)?.Instance is null or IInstanceReferenceOperation)
                    {
                        yield return set.Value;
                    }
                }
            }
        }
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}

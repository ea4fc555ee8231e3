using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;

namespace ModelAnalyzers.Values;

/// <summary>
/// The configuration sections a compilation binds to its own types: <c>services.Configure&lt;T&gt;(config.GetSection("Ai"))</c>,
/// <c>AddOptions&lt;T&gt;().Bind(section)</c> / <c>.BindConfiguration("Ai")</c>, <c>section.Get&lt;T&gt;()</c> and
/// <c>section.Bind(instance)</c>, and, through them, the types of their properties (<c>Ai:Chat</c> for a <c>Chat</c>
/// property). Found once per compilation from the words of each file: a file that names none of the binding methods is
/// not bound.
/// </summary>
internal sealed class ConfigurationBindings
{
    private const int MaxNesting = 3;

    private static readonly string[] MethodNames = { "Configure", "Bind", "BindConfiguration", "Get" };

    private readonly Dictionary<ITypeSymbol, List<string>> _paths;

    private ConfigurationBindings(Dictionary<ITypeSymbol, List<string>> paths)
    {
        _paths = paths;
    }

    /// <summary>The configuration keys a member of a bound type is read from (<c>Ai:ChatModel</c>), any case.</summary>
    public IEnumerable<string> KeysOf(ISymbol member)
    {
        if (member.ContainingType is { } type && _paths.TryGetValue(type.OriginalDefinition, out var paths))
        {
            foreach (string path in paths)
            {
                yield return ConfigurationPaths.Join(path, KeyName(member));
            }
        }
    }

    public static ConfigurationBindings Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var bound = new List<(ITypeSymbol Type, string Path)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (string name in MethodNames)
            {
                foreach (var token in IdentifierIndex.Identifiers(tree, name, cancellationToken))
                {
                    if (InvocationNamed(token) is not { } invocation)
                    {
                        continue;
                    }

                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && Binding(invocation, method, model, cancellationToken) is { } binding)
                    {
                        bound.Add(binding);
                    }
                }
            }
        }

        var paths = new Dictionary<ITypeSymbol, List<string>>(SymbolEqualityComparer.Default);
        foreach (var (type, path) in bound)
        {
            AddWithProperties(paths, type, path, 0);
        }

        return new ConfigurationBindings(paths);
    }

    private static InvocationExpressionSyntax? InvocationNamed(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        return name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax call && call.Expression == access => call,
            InvocationExpressionSyntax call when call.Expression == name => call,
            _ => null,
        };
    }

    /// <summary>The type a call binds and the section it binds it to, or null for any other call.</summary>
    private static (ITypeSymbol Type, string Path)? Binding(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        string container = method.ContainingType?.Name ?? "";
        var original = method.ReducedFrom ?? method;
        ITypeSymbol? type = original.TypeArguments.Length == 1 ? method.TypeArguments.FirstOrDefault() : null;
        string? path = (container, method.Name) switch
        {
            // services.Configure<T>(config) and services.Configure<T>(name, config); options.Bind(config).
            ("OptionsConfigurationServiceCollectionExtensions", "Configure") or ("OptionsBuilderConfigurationExtensions", "Bind") =>
                Argument(invocation, method, "config") is { } config ? ConfigurationPaths.PathOf(config, model, cancellationToken) : null,
            ("OptionsBuilderConfigurationExtensions", "BindConfiguration") =>
                Argument(invocation, method, "configSectionPath") is { } section && model.GetConstantValue(section, cancellationToken) is { HasValue: true, Value: string text } ? text : null,
            ("ConfigurationBinder", "Get") => Receiver(invocation, method) is { } receiver ? ConfigurationPaths.PathOf(receiver, model, cancellationToken) : null,
            ("ConfigurationBinder", "Bind") => BindInstance(invocation, method, model, cancellationToken, out type),
            _ => null,
        };
        return type is not null && path is not null ? (type, path) : null;
    }

    private static string? BindInstance(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken, out ITypeSymbol? type)
    {
        type = Argument(invocation, method, "instance") is { } instance ? model.GetTypeInfo(instance, cancellationToken).Type : null;
        if (Receiver(invocation, method) is not { } receiver || ConfigurationPaths.PathOf(receiver, model, cancellationToken) is not { } path)
        {
            return null;
        }

        // section.Bind("Chat", instance)
        if (Argument(invocation, method, "key") is { } key)
        {
            return model.GetConstantValue(key, cancellationToken) is { HasValue: true, Value: string text } ? ConfigurationPaths.Join(path, text) : null;
        }

        return path;
    }

    private static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation, IMethodSymbol method) =>
        method.ReducedFrom is not null && invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression
        : invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;

    /// <summary>The argument passed for a parameter, by name or position, in the call as written (an extension's receiver is not an argument).</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameter)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            string? name = arguments[i].NameColon is { } named ? named.Name.Identifier.ValueText : i < method.Parameters.Length ? method.Parameters[i].Name : null;
            if (name == parameter)
            {
                return arguments[i].Expression;
            }
        }

        return null;
    }

    private static void AddWithProperties(Dictionary<ITypeSymbol, List<string>> paths, ITypeSymbol type, string path, int depth)
    {
        type = type.OriginalDefinition;
        if (!paths.TryGetValue(type, out var list))
        {
            paths[type] = list = new List<string>();
        }

        if (list.Any(p => ConfigurationPaths.SameKey(p, path)))
        {
            return;
        }

        list.Add(path);
        if (depth >= MaxNesting)
        {
            return;
        }

        // A nested settings class of the user's own: Ai:Chat:Model for AiOptions.Chat.Model.
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (!property.IsStatic && !property.IsIndexer && property.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } nested
                && nested.DeclaringSyntaxReferences.Length > 0 && nested.SpecialType == SpecialType.None)
            {
                AddWithProperties(paths, nested, ConfigurationPaths.Join(path, KeyName(property)), depth + 1);
            }
        }
    }

    /// <summary>A member's configuration key: its name, or what <c>[ConfigurationKeyName("...")]</c> says.</summary>
    private static string KeyName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ConfigurationKeyNameAttribute" && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name && name.Length > 0)
            {
                return name;
            }
        }

        return member.Name;
    }
}

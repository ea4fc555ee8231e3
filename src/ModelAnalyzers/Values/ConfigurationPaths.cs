using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelAnalyzers.Values;

/// <summary>
/// Which configuration path an expression stands for, read from syntax and symbols: the root
/// (<c>builder.Configuration</c>, an <c>IConfiguration</c>), <c>GetSection("Ai")</c> and <c>GetRequiredSection</c> of
/// it, a local holding one; and which key a value reads (<c>config["Ai:Model"]</c>, <c>GetValue&lt;string&gt;("Ai:Model")</c>,
/// <c>GetSection("Ai:Model").Value</c>). Anything else (a section passed in as a parameter) is not known: no link.
/// </summary>
internal static class ConfigurationPaths
{
    private const string Namespace = "Microsoft.Extensions.Configuration";

    /// <summary>The path of a configuration expression: "" for the root, "Ai:Chat" for a section; null when unknown.</summary>
    public static string? PathOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, int depth = 0)
    {
        if (depth > ModelValueResolver.MaxDepth)
        {
            return null;
        }

        expression = ValueShapes.Unwrap(expression);
        if (expression is InvocationExpressionSyntax invocation
            && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.Name is "GetSection" or "GetRequiredSection" && IsConfigurationMember(method)
            && invocation.ArgumentList.Arguments.Count >= 1)
        {
            var (receiver, key) = ReceiverAndKey(invocation, method);
            return receiver is not null && key is not null && PathOf(receiver, model, cancellationToken, depth + 1) is { } parent ? Join(parent, key, model, cancellationToken) : null;
        }

        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            && initializer.SyntaxTree == expression.SyntaxTree
            && PathOf(initializer, model, cancellationToken, depth + 1) is { } held)
        {
            return held;
        }

        // The root: builder.Configuration, an IConfiguration parameter or field, new ConfigurationBuilder()...Build().
        return model.GetTypeInfo(expression, cancellationToken).Type is { } type && IsRoot(type) ? "" : null;
    }

    /// <summary>The configuration key a value reads directly, or null when it reads none.</summary>
    public static string? KeyRead(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        value = ValueShapes.Unwrap(value);
        switch (value)
        {
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
                when model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { IsIndexer: true } indexer && IsConfigurationMember(indexer):
                return PathOf(access.Expression, model, cancellationToken) is { } path ? Join(path, access.ArgumentList.Arguments[0].Expression, model, cancellationToken) : null;
            case InvocationExpressionSyntax invocation
                when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "GetValue" } method && IsConfigurationMember(method):
                var (receiver, key) = ReceiverAndKey(invocation, method);
                return receiver is not null && key is not null && PathOf(receiver, model, cancellationToken) is { } parent ? Join(parent, key, model, cancellationToken) : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } member
                when model.GetSymbolInfo(member, cancellationToken).Symbol is IPropertySymbol property && IsConfigurationMember(property):
                return PathOf(member.Expression, model, cancellationToken) is { Length: > 0 } section ? section : null;
            default:
                return null;
        }
    }

    /// <summary>A member of Microsoft.Extensions.Configuration (the interfaces, their extension classes, ConfigurationManager).</summary>
    public static bool IsConfigurationMember(ISymbol member) =>
        member.ContainingNamespace?.ToDisplayString() == Namespace;

    private static bool IsRoot(ITypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() == Namespace
        && type.Name is "IConfiguration" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "ConfigurationRoot";

    /// <summary>A call's configuration receiver and its key argument, whether called as an extension or an instance member.</summary>
    private static (ExpressionSyntax? Receiver, ExpressionSyntax? Key) ReceiverAndKey(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        if (method.ReducedFrom is null && method.IsStatic)
        {
            // ConfigurationBinder.GetValue<string>(config, "key"): the receiver is the first argument.
            return arguments.Count >= 2 ? (arguments[0].Expression, arguments[1].Expression) : (null, null);
        }

        return arguments.Count >= 1 ? (receiver, arguments[0].Expression) : (null, null);
    }

    private static string? Join(string parent, ExpressionSyntax key, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetConstantValue(key, cancellationToken) is { HasValue: true, Value: string text } && text.Length > 0
            ? Join(parent, text)
            : null;

    public static string Join(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;

    /// <summary>Configuration keys compare without case; an environment variable's <c>__</c> is a <c>:</c>.</summary>
    public static bool SameKey(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

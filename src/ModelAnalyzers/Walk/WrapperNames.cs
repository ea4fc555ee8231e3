using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelAnalyzers.Candidates;
using ModelAnalyzers.Sites;

namespace ModelAnalyzers.Walk;

/// <summary>
/// The names of the methods and constructors (by type name) that take a model-named parameter: the wrapper rule's
/// syntactic pre-filter. Binding a call is the expensive part (it binds the whole member body, and with nullable on
/// runs flow analysis too); without this index every `name.StartsWith("gpt-4")` or `prices.Add("gpt-4", 30m)` was
/// bound just to learn that it is not a wrapper, which doubled the rules' cost. Declarations are read from syntax,
/// cached per tree (an edit re-reads one tree), and from the referenced assemblies that reference an SDK (a team's
/// wrapper library), cached per assembly symbol.
/// </summary>
internal sealed class WrapperNames
{
    private static readonly ConditionalWeakTable<SyntaxTree, string[]> TreeNames = new();
    private static readonly ConditionalWeakTable<IAssemblySymbol, string[]> AssemblyNames = new();

    private readonly HashSet<string> _names;

    private WrapperNames(HashSet<string> names)
    {
        _names = names;
        // A named argument (ask(model: ...)) or an assigned property (settings.ModelId = ...) of a model word makes a
        // call or assignment a candidate without a declared name.
        CandidateNames = new CandidateNames(names, ModelWords.All, implicitCreations: true);
    }

    /// <summary>The names that can make a call, creation or assignment a wrapper candidate.</summary>
    public CandidateNames CandidateNames { get; }

    public bool Contains(string? name) => name is not null && _names.Contains(name);

    public static WrapperNames Create(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.UnionWith(TreeNames.GetValue(tree, DeclaredInTree));
        }

        // Per assembly symbol, the answer "no wrappers" too: a project references a couple of hundred assemblies, and
        // an IDE makes a compilation per keystroke with the same symbols.
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            names.UnionWith(AssemblyNames.GetValue(assembly, a => !SdkAssemblies.IsSdk(a.Identity.Name) && ReferencesSdk(a) ? DeclaredInAssembly(a) : Array.Empty<string>()));
        }

        return new WrapperNames(names);
    }

    private static bool ReferencesSdk(IAssemblySymbol assembly) =>
        assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => SdkAssemblies.IsSdk(reference.Name)));

    /// <summary>Declarations only: member bodies are never entered (local functions there are not indexed).</summary>
    private static string[] DeclaredInTree(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SyntaxNode>();
        pending.Push(tree.GetRoot());
        while (pending.Count > 0)
        {
            foreach (var node in pending.Pop().ChildNodes())
            {
                switch (node)
                {
                    case BaseNamespaceDeclarationSyntax:
                        pending.Push(node);
                        break;
                    case UsingDirectiveSyntax { Alias: { } alias }:
                        // using Client = Acme.AiClient; new Client("gpt-4") names the alias, not the type.
                        names.Add(alias.Name.Identifier.ValueText);
                        break;
                    case TypeDeclarationSyntax type:
                        if (TakesModel(PrimaryConstructorParameters(type)))
                        {
                            names.Add(type.Identifier.ValueText);
                        }

                        pending.Push(node);
                        break;
                    case ConstructorDeclarationSyntax constructor when TakesModel(constructor.ParameterList):
                        names.Add(constructor.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method when TakesModel(method.ParameterList):
                        names.Add(method.Identifier.ValueText);
                        break;
                    case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } when TakesModel(function.ParameterList):
                        names.Add(function.Identifier.ValueText);
                        break;
                }
            }
        }

        return names.ToArray();
    }

    // Records and (C# 12) classes and structs with a primary constructor.
    private static ParameterListSyntax? PrimaryConstructorParameters(TypeDeclarationSyntax type) => type.ParameterList;

    private static bool TakesModel(ParameterListSyntax? parameters) =>
        parameters is not null && parameters.Parameters.Any(p => WrapperSites.ParameterKind(p.Identifier.ValueText) is not null);

    private static string[] DeclaredInAssembly(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        pending.Push(container);
                        break;
                    case IMethodSymbol method when method.Parameters.Any(p => WrapperSites.ParameterKind(p.Name) is not null):
                        names.Add(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
                        break;
                }
            }
        }

        return names.ToArray();
    }
}

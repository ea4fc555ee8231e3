using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Sites;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Betalgo.Ranul.OpenAI 9.2.6: request models, the Models properties, and fixes that keep using them.</summary>
public class BetalgoTests
{
    private static readonly (string, string) Betalgo = ("Betalgo.Ranul.OpenAI", "9.2.6");

    // Ids Betalgo still names that OpenAI's current sources no longer list at all.
    private static readonly string[] NotInCatalog = { "curie-instruct-beta", "davinci-instruct-beta", "curie-similarity-fast" };

    private static AnalyzerTest Test(string source, string? fixedSource = null, string? target = null)
    {
        var test = new AnalyzerTest(editorConfig: "dotnet_diagnostic.MDL0003.severity = none")
        {
            TestCode = source,
            ReferenceAssemblies = AnalyzerTest.WithPackages(Betalgo),
        };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            test.CodeActionEquivalenceKey = UseModelCodeFixProvider.EquivalenceKeyPrefix + target;
        }

        return test;
    }

    [Fact]
    public async Task ModelsMapMatchesThePackageAndTheCatalog()
    {
        // Read the real values by running the property getters of the package's Models class.
        var references = await AnalyzerTest.WithPackages(Betalgo).ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var paths = references.OfType<PortableExecutableReference>().Select(r => r.FilePath!).ToList();
        var context = new AssemblyLoadContext("betalgo", isCollectible: true);
        context.Resolving += (c, name) => paths.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == name.Name) is { } path ? c.LoadFromAssemblyPath(path) : null;
        try
        {
            var assembly = context.LoadFromAssemblyPath(paths.Single(p => Path.GetFileName(p) == "Betalgo.Ranul.OpenAI.dll"));
            var models = assembly.GetType(BetalgoModels.TypeName)!;
            var actual = models.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => p.PropertyType == typeof(string))
                .ToDictionary(p => p.Name, p => (string)p.GetValue(null)!);

            Assert.Equal(actual.OrderBy(p => p.Key), BetalgoModels.IdByProperty.OrderBy(p => p.Key));
        }
        finally
        {
            context.Unload();
        }

        var unknown = BetalgoModels.IdByProperty.Values.Where(id => ModelCatalog.BuiltIn.Find(id) is null).Distinct().OrderBy(id => id);
        Assert.Equal(NotInCatalog.OrderBy(id => id), unknown);
    }

    [Fact]
    public Task RequestModelsOptionsDefaultsAndModelsProperties() => Test(
        """
        using Betalgo.Ranul.OpenAI;
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.ResponseModels;

        class C
        {
            void M(ChatCompletionCreateResponse response)
            {
                var chat = new ChatCompletionCreateRequest { Model = {|MDL0001:Models.Gpt_4|} };
                var completion = new CompletionCreateRequest { Model = {|MDL0001:"gpt-3.5-turbo-instruct"|} };
                var embedding = new EmbeddingCreateRequest { Model = {|MDL0001:Models.TextSearchAdaDocV1|} };
                var moderation = new CreateModerationRequest { Model = "omni-moderation-latest" };
                var transcription = new AudioCreateTranscriptionRequest { Model = {|MDL0002:Models.WhisperV1|} };
                var options = new OpenAIOptions { ApiKey = "from-config", DefaultModelId = {|MDL0001:Models.Gpt_3_5_Turbo|} };

                // Response objects report a model; they never send one.
                response.Model = "gpt-4";
                string fine = Models.Gpt_4o;
            }
        }
        """).RunAsync();

    [Fact]
    public Task FixUsesTheModelsMemberOfTheTargetWhenThePackageHasOne() => Test(
        """
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest A() => new() { Model = {|MDL0001:Models.Gpt_4|} };
            ChatCompletionCreateRequest B() => new() { Model = {|MDL0001:"gpt-4"|} };
        }
        """,
        """
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest A() => new() { Model = {|MDL0002:Models.Gpt_4o_mini|} };
            ChatCompletionCreateRequest B() => new() { Model = {|MDL0002:"gpt-4o-mini"|} };
        }
        """,
        "gpt-4o-mini").RunAsync();

    [Fact]
    public Task FixFallsBackToALiteralWhenThePackageHasNoMemberForTheTarget() => Test(
        """
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest A() => new() { Model = {|MDL0001:Models.Gpt_4|} };
        }
        """,
        """
        using Betalgo.Ranul.OpenAI.ObjectModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        class C
        {
            ChatCompletionCreateRequest A() => new() { Model = "gpt-5.6-sol" };
        }
        """,
        "gpt-5.6-sol").RunAsync();
}

using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>Model sites of Microsoft.Extensions.AI and Semantic Kernel, against the real packages.</summary>
public class OtherSdkTests
{
    private static AnalyzerTest Test(string source, string? fixedSource, params (string Id, string Version)[] packages)
    {
        var test = new AnalyzerTest { TestCode = source, ReferenceAssemblies = AnalyzerTest.WithPackages(packages) };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            // Each site to its own recommendation, as one dotnet format run does.
            test.CodeActionEquivalenceKey = CodeFixes.UseModelCodeFixProvider.RecommendedEquivalenceKey;
        }

        return test;
    }

    [Fact]
    public Task MicrosoftExtensionsAIOptionsAndOpenAIAdapter() => Test(
        """
        #pragma warning disable OPENAI001, MEAI001
        using Microsoft.Extensions.AI;

        class C
        {
            void M(OpenAI.Responses.ResponsesClient responses)
            {
                var chat = new ChatOptions { ModelId = {|MDL0001:"gpt-4"|}, Temperature = 0.2f };
                var embeddings = new EmbeddingGenerationOptions { ModelId = {|MDL0001:"text-search-ada-doc-001"|} };
                IChatClient client = responses.AsIChatClient({|MDL0001:"o1"|});
                var fine = new ChatOptions { ModelId = "llama3.1" };
            }
        }
        """,
        null,
        ("Microsoft.Extensions.AI.OpenAI", "10.11.0")).RunAsync();

    [Fact]
    public Task SemanticKernelRegistrationsServicesAndSettingsMoveTogether() => Test(
        """
        #pragma warning disable SKEXP0001, SKEXP0010
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;

        class C
        {
            void M(IKernelBuilder builder, string key)
            {
                builder.AddOpenAIChatCompletion({|MDL0001:"gpt-4"|}, key, serviceId: "chat");
                builder.AddOpenAITextEmbeddingGeneration(modelId: {|MDL0001:"text-search-ada-doc-001"|}, apiKey: key);
                var service = new OpenAIChatCompletionService({|MDL0001:"o3-mini"|}, key);
                var settings = new OpenAIPromptExecutionSettings { ModelId = {|MDL0001:"gpt-4"|} };
            }
        }
        """,
        """
        #pragma warning disable SKEXP0001, SKEXP0010
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;

        class C
        {
            void M(IKernelBuilder builder, string key)
            {
                builder.AddOpenAIChatCompletion("gpt-6.2-sol", key, serviceId: "chat");
                builder.AddOpenAITextEmbeddingGeneration(modelId: "text-embedding-3-small", apiKey: key);
                var service = new OpenAIChatCompletionService("gpt-5.4-mini", key);
                var settings = new OpenAIPromptExecutionSettings { ModelId = "gpt-6.2-sol" };
            }
        }
        """,
        ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0")).RunAsync();

    [Fact]
    public Task SemanticKernelKeysAreSecretsToo() => Test(
        """
        using Microsoft.SemanticKernel;

        class C
        {
            void M(IKernelBuilder builder) => builder.AddOpenAIChatCompletion("gpt-6-luna", {|MDL0006:"sk-proj-Ab3dEf5hIj7lMn9pQr2tUv4xYz6B"|});
        }
        """,
        null,
        ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0")).RunAsync();
}

using System.Collections.Immutable;
using System.Linq;

namespace ModelAnalyzers.Sites;

/// <summary>
/// The site map as data: adding an SDK or an SDK version's new shape means adding rows here.
/// Rows whose type or member does not exist in the referenced SDK version are simply not found,
/// which is how one map covers OpenAI 2.0 through 2.15.
/// Deliberately absent: model factories for tests (OpenAIChatModelFactory, ...), model management
/// (OpenAIModelClient.GetModel/DeleteModel), response objects (ChatCompletion.Model, ResponseResult.Model),
/// and list filters (ChatCompletionCollectionOptions.Model): none of them sends a request to the model.
/// </summary>
internal static class SdkSiteMap
{
    private const string OpenAI = SdkAssemblies.OpenAI;
    private const string ClientModel = SdkAssemblies.ClientModel;
    private const string ExtensionsAI = SdkAssemblies.ExtensionsAIAbstractions;
    private const string ExtensionsAIOpenAI = SdkAssemblies.ExtensionsAIOpenAI;
    private const string SemanticKernel = SdkAssemblies.SemanticKernelAbstractions;
    private const string SemanticKernelOpenAI = SdkAssemblies.SemanticKernelOpenAI;
    private const string Betalgo = SdkAssemblies.Betalgo;
    private const string AzureOpenAI = SdkAssemblies.AzureOpenAI;
    private const string SemanticKernelAzure = SdkAssemblies.SemanticKernelAzureOpenAI;

    // Semantic Kernel's Azure registrations and services: `deploymentName` (a deployment), `modelId` (a model), `apiKey`.
    private static readonly string[] SemanticKernelAzureTypes =
    {
        "Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions", "Microsoft.SemanticKernel.AzureOpenAIServiceCollectionExtensions",
        "Microsoft.Extensions.DependencyInjection.AzureOpenAIServiceCollectionExtensions",
        "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService", "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextEmbeddingGenerationService",
        "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIAudioToTextService", "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextToAudioService",
        "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextToImageService",
    };

    // Betalgo.Ranul.OpenAI request objects carry their model (bound by assembly: Betalgo before 8.x used the OpenAI namespace).
    private static readonly string[] BetalgoRequests =
    {
        "ChatCompletionCreateRequest", "CompletionCreateRequest", "EmbeddingCreateRequest", "AudioCreateSpeechRequest",
        "AudioCreateTranscriptionRequest", "CreateModerationRequest", "AssistantCreateRequest", "AssistantModifyRequest",
        "RunCreateRequest", "CreateThreadAndRunRequest",
    };

    // Betalgo's service members that take a per-call `modelId` (not DeleteModel: that id names a fine-tune to delete).
    private static readonly (string Interface, string Method)[] BetalgoPerCall =
    {
        ("IChatCompletionService", "CreateCompletion"), ("IChatCompletionService", "CreateCompletionAsStream"),
        ("ICompletionService", "CreateCompletion"), ("ICompletionService", "CreateCompletionAsStream"),
        ("IEditService", "CreateEdit"), ("IAssistantService", "AssistantCreate"),
        ("IRunService", "RunCreate"), ("IRunService", "RunCreateAsStream"), ("IRunService", "CreateThreadAndRunAsStream"),
        ("IOpenAIService", "SetDefaultModelId"),
    };

    // Semantic Kernel's OpenAI registrations and services take `modelId` (and `apiKey`) wherever they appear.
    private static readonly string[] SemanticKernelTypes =
    {
        "Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions", "Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions",
        "Microsoft.SemanticKernel.OpenAIChatClientKernelBuilderExtensions", "Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions",
        "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIMemoryBuilderExtensions",
        "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextEmbeddingGenerationService",
        "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIAudioToTextService", "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToImageService",
        "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToAudioService",
    };

    // OpenAI clients that take a key directly (string apiKey) or as an ApiKeyCredential (credential).
    private static readonly string[] KeyedClients =
    {
        "OpenAI.OpenAIClient", "OpenAI.Chat.ChatClient", "OpenAI.Embeddings.EmbeddingClient", "OpenAI.Images.ImageClient",
        "OpenAI.Audio.AudioClient", "OpenAI.Moderations.ModerationClient", "OpenAI.Assistants.AssistantClient",
        "OpenAI.Responses.ResponsesClient", "OpenAI.Responses.OpenAIResponseClient", "OpenAI.Realtime.RealtimeClient",
        "OpenAI.RealtimeConversation.RealtimeConversationClient", "OpenAI.Files.OpenAIFileClient", "OpenAI.Batch.BatchClient",
        "OpenAI.FineTuning.FineTuningClient", "OpenAI.Models.OpenAIModelClient", "OpenAI.VectorStores.VectorStoreClient",
    };

    /// <summary>Where a secret key is passed: MDL0006 looks for hard-coded OpenAI keys here.</summary>
    public static readonly ImmutableArray<SdkSite> KeySites = KeyedClients
        .SelectMany(type => new[]
        {
            new SdkSite(OpenAI, type, ".ctor", "apiKey", SiteKind.ApiKey),
            new SdkSite(OpenAI, type, ".ctor", "credential", SiteKind.ApiKey),
        })
        .Concat(SemanticKernelTypes.Select(type => new SdkSite(SemanticKernelOpenAI, type, "*", "apiKey", SiteKind.ApiKey)))
        .Concat(SemanticKernelAzureTypes.Select(type => new SdkSite(SemanticKernelAzure, type, "*", "apiKey", SiteKind.ApiKey)))
        .Concat(new[]
        {
            new SdkSite(ClientModel, "System.ClientModel.ApiKeyCredential", ".ctor", "key", SiteKind.ApiKey),
            new SdkSite(ClientModel, "System.ClientModel.ApiKeyCredential", "Update", "key", SiteKind.ApiKey),
            new SdkSite(ExtensionsAIOpenAI, "Microsoft.Extensions.AI.OpenAIRealtimeClient", ".ctor", "apiKey", SiteKind.ApiKey),
        })
        .ToImmutableArray();

    public static readonly ImmutableArray<SdkSite> ModelSites = ImmutableArray.Create(
        // Clients that are bound to one model.
        new SdkSite(OpenAI, "OpenAI.Chat.ChatClient", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.Embeddings.EmbeddingClient", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.Images.ImageClient", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.Audio.AudioClient", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.Moderations.ModerationClient", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.RealtimeConversation.RealtimeConversationClient", ".ctor", "model"), // 2.1
        new SdkSite(OpenAI, "OpenAI.Responses.OpenAIResponseClient", ".ctor", "model"), // 2.2 - 2.7
        new SdkSite(OpenAI, "OpenAI.Responses.ResponsesClient", ".ctor", "model"), // 2.8

        // OpenAIClient factories.
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetChatClient", "model"),
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetEmbeddingClient", "model"),
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetImageClient", "model"),
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetAudioClient", "model"),
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetModerationClient", "model"),
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetRealtimeConversationClient", "model"), // 2.1
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetOpenAIResponseClient", "model"), // 2.2 - 2.7
        new SdkSite(OpenAI, "OpenAI.OpenAIClient", "GetResponsesClient", "model"), // 2.8

        // Per-request models.
        new SdkSite(OpenAI, "OpenAI.Assistants.AssistantClient", "CreateAssistant", "model"),
        new SdkSite(OpenAI, "OpenAI.Assistants.AssistantClient", "CreateAssistantAsync", "model"),
        new SdkSite(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponse", "model"), // 2.9+
        new SdkSite(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "model"),
        new SdkSite(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseStreaming", "model"),
        new SdkSite(OpenAI, "OpenAI.Responses.ResponsesClient", "CreateResponseStreamingAsync", "model"),
        new SdkSite(OpenAI, "OpenAI.Responses.CreateResponseOptions", ".ctor", "model"),
        new SdkSite(OpenAI, "OpenAI.Responses.ResponseTool", "CreateImageGenerationTool", "model"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeClient", "StartConversationSession", "model"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeClient", "StartConversationSessionAsync", "model"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeClient", "StartSession", "model"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeClient", "StartSessionAsync", "model"),
        new SdkSite(OpenAI, "OpenAI.Decisions.DecisionCreationOptions", ".ctor", "model"),

        // Settable model properties of client settings and request options.
        new SdkSite(OpenAI, "OpenAI.Chat.ChatClientSettings", "Model"),
        new SdkSite(OpenAI, "OpenAI.Embeddings.EmbeddingClientSettings", "Model"),
        new SdkSite(OpenAI, "OpenAI.Images.ImageClientSettings", "Model"),
        new SdkSite(OpenAI, "OpenAI.Audio.AudioClientSettings", "Model"),
        new SdkSite(OpenAI, "OpenAI.Moderations.ModerationClientSettings", "Model"),
        new SdkSite(OpenAI, "OpenAI.Responses.CreateResponseOptions", "Model"),
        new SdkSite(OpenAI, "OpenAI.Responses.ImageGenerationTool", "Model"),
        new SdkSite(OpenAI, "OpenAI.Assistants.AssistantModificationOptions", "Model"),
        new SdkSite(OpenAI, "OpenAI.Assistants.RunCreationOptions", "ModelOverride"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeConversationSessionOptions", "Model"),
        new SdkSite(OpenAI, "OpenAI.Realtime.RealtimeAudioTranscriptionOptions", "Model"),
        new SdkSite(OpenAI, "OpenAI.RealtimeConversation.ConversationInputTranscriptionOptions", "Model"), // 2.1
        new SdkSite(OpenAI, "OpenAI.Graders.GraderLabelModel", "Model"),
        new SdkSite(OpenAI, "OpenAI.Graders.GraderScoreModel", "Model"),
        new SdkSite(OpenAI, "OpenAI.Decisions.DecisionCreationOptions", "Model"))
        .AddRange(new[]
        {
            // Microsoft.Extensions.AI: per-request model ids and the OpenAI adapters' default model.
            new SdkSite(ExtensionsAI, "Microsoft.Extensions.AI.ChatOptions", "ModelId"),
            new SdkSite(ExtensionsAI, "Microsoft.Extensions.AI.EmbeddingGenerationOptions", "ModelId"),
            new SdkSite(ExtensionsAI, "Microsoft.Extensions.AI.ImageGenerationOptions", "ModelId"),
            new SdkSite(ExtensionsAI, "Microsoft.Extensions.AI.SpeechToTextOptions", "ModelId"),
            new SdkSite(ExtensionsAI, "Microsoft.Extensions.AI.TextToSpeechOptions", "ModelId"),
            new SdkSite(ExtensionsAIOpenAI, "Microsoft.Extensions.AI.OpenAIClientExtensions", "*", "defaultModelId"),
            new SdkSite(ExtensionsAIOpenAI, "Microsoft.Extensions.AI.OpenAIRealtimeClient", ".ctor", "model"),

            // Semantic Kernel: execution settings select a service by model id.
            new SdkSite(SemanticKernel, "Microsoft.SemanticKernel.PromptExecutionSettings", "ModelId"),

            // Betalgo: the service's default model and the realtime session's models.
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.OpenAIOptions", "DefaultModelId"),
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.ObjectModels.RealtimeModels.SessionResource", "Model"),
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.ObjectModels.RealtimeModels.AudioTranscriptionConfig", "Model"),
        })
        // Betalgo's per-call model id, which overrides the request's Model (and the service default).
        .AddRange(BetalgoPerCall.SelectMany(call => new[]
        {
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.Interfaces." + call.Interface, call.Method, "modelId"),
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.Managers.OpenAIService", call.Method, "modelId"),
        }))
        .AddRange(new[]
        {
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionServiceExtension", "*", "modelId"),
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.Interfaces.ICompletionServiceExtension", "*", "modelId"),
            new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.Interfaces.IEditServiceExtension", "*", "modelId"),
        })
        .AddRange(BetalgoRequests.Select(type => new SdkSite(Betalgo, "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels." + type, "Model")))
        .AddRange(SemanticKernelTypes.Select(type => new SdkSite(SemanticKernelOpenAI, type, "*", "modelId")))

        // Azure OpenAI: AzureOpenAIClient.Get*Client(deploymentName) overrides OpenAIClient's factories (so OpenAI rows
        // do not match it), and Semantic Kernel's Azure registrations take a deployment and, optionally, the model id.
        .Add(new SdkSite(AzureOpenAI, "Azure.AI.OpenAI.AzureOpenAIClient", "*", "deploymentName", IsDeployment: true))
        .AddRange(SemanticKernelAzureTypes.Select(type => new SdkSite(SemanticKernelAzure, type, "*", "deploymentName", IsDeployment: true)))
        .AddRange(SemanticKernelAzureTypes.Select(type => new SdkSite(SemanticKernelAzure, type, "*", "modelId")));

    public static readonly ImmutableArray<SdkSite> Sites = ModelSites.AddRange(KeySites);
}

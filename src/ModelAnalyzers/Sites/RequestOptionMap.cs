using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModelAnalyzers.Sites;

/// <summary>
/// The request options of every supported SDK as data, as <see cref="SdkSiteMap"/> is for model sites.
/// Sources: the public API of OpenAI 2.15.0, Microsoft.Extensions.AI.Abstractions 10.11.0,
/// Microsoft.SemanticKernel.Connectors.OpenAI 1.82.0 and Betalgo.Ranul.OpenAI 9.2.6; wire names from
/// shared/reference/openai-models.md section 4.
/// </summary>
internal static class RequestOptionMap
{
    private const string OpenAI = SdkAssemblies.OpenAI;
    private const string ExtensionsAI = SdkAssemblies.ExtensionsAIAbstractions;
    private const string SemanticKernel = SdkAssemblies.SemanticKernelAbstractions;
    private const string SemanticKernelOpenAI = SdkAssemblies.SemanticKernelOpenAI;
    private const string Betalgo = SdkAssemblies.Betalgo;

    private const string ChatCompletionOptions = "OpenAI.Chat.ChatCompletionOptions";
    private const string ChatOptions = "Microsoft.Extensions.AI.ChatOptions";
    private const string PromptSettings = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings";
    private const string BetalgoChat = "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest";

    public static readonly ImmutableArray<RequestOption> Options = ImmutableArray.Create(
        // OpenAI: Chat Completions.
        Sampling(OpenAI, ChatCompletionOptions, "Temperature", "temperature"),
        Sampling(OpenAI, ChatCompletionOptions, "TopP", "top_p"),
        Sampling(OpenAI, ChatCompletionOptions, "FrequencyPenalty", "frequency_penalty"),
        Sampling(OpenAI, ChatCompletionOptions, "PresencePenalty", "presence_penalty"),
        Sampling(OpenAI, ChatCompletionOptions, "IncludeLogProbabilities", "logprobs"),
        Sampling(OpenAI, ChatCompletionOptions, "TopLogProbabilityCount", "top_logprobs"),
        Sampling(OpenAI, ChatCompletionOptions, "LogitBiases", "logit_bias"),
        Sampling(OpenAI, ChatCompletionOptions, "StopSequences", "stop"),
        new RequestOption(OpenAI, ChatCompletionOptions, "MaxOutputTokenCount", OptionRole.OutputLimit),
        new RequestOption(OpenAI, ChatCompletionOptions, "ReasoningEffortLevel", OptionRole.ReasoningEffort),

        // OpenAI: Responses (CreateResponseOptions from 2.9, ResponseCreationOptions before).
        Sampling(OpenAI, "OpenAI.Responses.CreateResponseOptions", "Temperature", "temperature"),
        Sampling(OpenAI, "OpenAI.Responses.CreateResponseOptions", "TopP", "top_p"),
        Sampling(OpenAI, "OpenAI.Responses.CreateResponseOptions", "TopLogProbabilityCount", "top_logprobs"),
        new RequestOption(OpenAI, "OpenAI.Responses.CreateResponseOptions", "MaxOutputTokenCount", OptionRole.OutputLimit),
        new RequestOption(OpenAI, "OpenAI.Responses.CreateResponseOptions", "Model", OptionRole.Model),
        Sampling(OpenAI, "OpenAI.Responses.ResponseCreationOptions", "Temperature", "temperature"),
        Sampling(OpenAI, "OpenAI.Responses.ResponseCreationOptions", "TopP", "top_p"),
        new RequestOption(OpenAI, "OpenAI.Responses.ResponseCreationOptions", "MaxOutputTokenCount", OptionRole.OutputLimit),
        new RequestOption(OpenAI, "OpenAI.Responses.ResponseReasoningOptions", "ReasoningEffortLevel", OptionRole.ReasoningEffort),

        // Microsoft.Extensions.AI.
        Sampling(ExtensionsAI, ChatOptions, "Temperature", "temperature"),
        Sampling(ExtensionsAI, ChatOptions, "TopP", "top_p"),
        Sampling(ExtensionsAI, ChatOptions, "FrequencyPenalty", "frequency_penalty"),
        Sampling(ExtensionsAI, ChatOptions, "PresencePenalty", "presence_penalty"),
        Sampling(ExtensionsAI, ChatOptions, "StopSequences", "stop"),
        new RequestOption(ExtensionsAI, ChatOptions, "MaxOutputTokens", OptionRole.OutputLimit),
        new RequestOption(ExtensionsAI, ChatOptions, "ModelId", OptionRole.Model),
        new RequestOption(ExtensionsAI, "Microsoft.Extensions.AI.ReasoningOptions", "Effort", OptionRole.ReasoningEffort),

        // Semantic Kernel (the OpenAI connector's settings; ModelId is declared on the base type).
        Sampling(SemanticKernelOpenAI, PromptSettings, "Temperature", "temperature"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "TopP", "top_p"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "FrequencyPenalty", "frequency_penalty"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "PresencePenalty", "presence_penalty"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "Logprobs", "logprobs"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "TopLogprobs", "top_logprobs"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "TokenSelectionBiases", "logit_bias"),
        Sampling(SemanticKernelOpenAI, PromptSettings, "StopSequences", "stop"),
        new RequestOption(SemanticKernelOpenAI, PromptSettings, "MaxTokens", OptionRole.OutputLimit),
        new RequestOption(SemanticKernelOpenAI, PromptSettings, "ReasoningEffort", OptionRole.ReasoningEffort),
        new RequestOption(SemanticKernel, "Microsoft.SemanticKernel.PromptExecutionSettings", "ModelId", OptionRole.Model),

        // Betalgo: the request object carries its own model.
        Sampling(Betalgo, BetalgoChat, "Temperature", "temperature"),
        Sampling(Betalgo, BetalgoChat, "TopP", "top_p"),
        Sampling(Betalgo, BetalgoChat, "FrequencyPenalty", "frequency_penalty"),
        Sampling(Betalgo, BetalgoChat, "PresencePenalty", "presence_penalty"),
        Sampling(Betalgo, BetalgoChat, "LogProbs", "logprobs"),
        Sampling(Betalgo, BetalgoChat, "TopLogprobs", "top_logprobs"),
        Sampling(Betalgo, BetalgoChat, "LogitBias", "logit_bias"),
        Sampling(Betalgo, BetalgoChat, "Stop", "stop"),
        Sampling(Betalgo, BetalgoChat, "StopAsList", "stop"),
        new RequestOption(Betalgo, BetalgoChat, "MaxTokens", OptionRole.Parameter, "max_tokens", RenameTo: "MaxCompletionTokens"),
        new RequestOption(Betalgo, BetalgoChat, "MaxCompletionTokens", OptionRole.OutputLimit),
        new RequestOption(Betalgo, BetalgoChat, "Model", OptionRole.Model),
        new RequestOption(Betalgo, BetalgoChat, "ReasoningEffort", OptionRole.ReasoningEffort));

    public static readonly ImmutableHashSet<string> PropertyNames = Options.Select(o => o.Property).ToImmutableHashSet();

    /// <summary>Names of the properties MDL0004 can flag: the syntactic pre-filter of its walk.</summary>
    public static readonly ImmutableHashSet<string> CheckedPropertyNames =
        Options.Where(o => o.Role is OptionRole.Parameter or OptionRole.OutputLimit or OptionRole.ReasoningEffort).Select(o => o.Property).ToImmutableHashSet();

    private static RequestOption Sampling(string assembly, string type, string property, string parameter) =>
        new(assembly, type, property, OptionRole.Parameter, parameter);

    /// <summary>The rows resolved against one compilation: property symbol -> row. Empty when no SDK is referenced.</summary>
    public static Dictionary<IPropertySymbol, RequestOption> Resolve(Compilation compilation)
    {
        var assemblies = SdkAssemblies.Referenced(compilation);
        var resolved = new Dictionary<IPropertySymbol, RequestOption>(SymbolEqualityComparer.Default);
        foreach (var option in Options)
        {
            if (assemblies.TryGetValue(option.Assembly, out var assembly)
                && assembly.GetTypeByMetadataName(option.Type) is { } type
                && type.GetMembers(option.Property).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                resolved[property] = option;
            }
        }

        return resolved;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelAnalyzers.Sites;

/// <summary>
/// Betalgo.Ranul.OpenAI names models through static properties (Models.Gpt_4), not constants, so the compiler cannot
/// tell their values: this map, read off Betalgo.Ranul.OpenAI 9.2.6's ObjectModels.Models, does. A test checks it
/// against the package and the catalog. Properties that later versions add are simply not resolved until listed here.
/// </summary>
internal static class BetalgoModels
{
    public const string Assembly = SdkAssemblies.Betalgo;
    public const string TypeName = "Betalgo.Ranul.OpenAI.ObjectModels.Models";

    public static readonly IReadOnlyDictionary<string, string> IdByProperty = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Gpt_4"] = "gpt-4",
        ["Gpt_4_32k"] = "gpt-4-32k",
        ["Gpt_4_0314"] = "gpt-4-0314",
        ["Gpt_4_32k_0314"] = "gpt-4-32k-0314",
        ["Gpt_4_0613"] = "gpt-4-0613",
        ["Gpt_4_32k_0613"] = "gpt-4-32k-0613",
        ["Gpt_4_1106_preview"] = "gpt-4-1106-preview",
        ["Gpt_4_0125_preview"] = "gpt-4-0125-preview",
        ["Gpt_4_vision_preview"] = "gpt-4-vision-preview",
        ["Gpt_4_turbo_preview"] = "gpt-4-turbo-preview",
        ["Gpt_4_turbo"] = "gpt-4-turbo",
        ["Gpt_4_turbo_2024_04_09"] = "gpt-4-turbo-2024-04-09",
        ["Gpt_4_1"] = "gpt-4.1",
        ["Gpt_4_1_2025_04_14"] = "gpt-4.1-2025-04-14",
        ["Gpt_4_1_mini"] = "gpt-4.1-mini",
        ["Gpt_4_1_mini_2025_04_14"] = "gpt-4.1-mini-2025-04-14",
        ["Gpt_4_1_nano"] = "gpt-4.1-nano",
        ["Gpt_4_1_nano_2025_04_14"] = "gpt-4.1-nano-2025-04-14",
        ["Gpt_4o"] = "gpt-4o",
        ["Gpt_4o_2024_05_13"] = "gpt-4o-2024-05-13",
        ["Gpt_4o_2024_08_06"] = "gpt-4o-2024-08-06",
        ["Gpt_4o_mini"] = "gpt-4o-mini",
        ["Gpt_4o_mini_2024_07_18"] = "gpt-4o-mini-2024-07-18",
        ["Chatgpt_4o_latest"] = "chatgpt-4o-latest",
        ["Gpt_4o_realtime_preview_2024_10_01"] = "gpt-4o-realtime-preview-2024-10-01",
        ["Ada"] = "ada",
        ["Babbage"] = "babbage",
        ["Curie"] = "curie",
        ["Davinci"] = "davinci",
        ["CurieInstructBeta"] = "curie-instruct-beta",
        ["DavinciInstructBeta"] = "davinci-instruct-beta",
        ["TextDavinciV1"] = "text-davinci-001",
        ["TextDavinciV2"] = "text-davinci-002",
        ["TextDavinciV3"] = "text-davinci-003",
        ["TextAdaV1"] = "text-ada-001",
        ["TextBabbageV1"] = "text-babbage-001",
        ["TextCurieV1"] = "text-curie-001",
        ["CurieSimilarityFast"] = "curie-similarity-fast",
        ["CodeDavinciV1"] = "code-davinci-001",
        ["CodeCushmanV1"] = "code-cushman-001",
        ["CodeDavinciV2"] = "code-davinci-002",
        ["TextSimilarityAdaV1"] = "text-similarity-ada-001",
        ["TextSimilarityBabbageV1"] = "text-similarity-babbage-001",
        ["TextSimilarityCurieV1"] = "text-similarity-curie-001",
        ["TextSimilarityDavinciV1"] = "text-similarity-davinci-001",
        ["TextSearchAdaDocV1"] = "text-search-ada-doc-001",
        ["TextSearchBabbageDocV1"] = "text-search-babbage-doc-001",
        ["TextSearchCurieDocV1"] = "text-search-curie-doc-001",
        ["TextSearchDavinciDocV1"] = "text-search-davinci-doc-001",
        ["TextSearchAdaQueryV1"] = "text-search-ada-query-001",
        ["TextSearchBabbageQueryV1"] = "text-search-babbage-query-001",
        ["TextSearchCurieQueryV1"] = "text-search-curie-query-001",
        ["TextSearchDavinciQueryV1"] = "text-search-davinci-query-001",
        ["TextEditDavinciV1"] = "text-davinci-edit-001",
        ["CodeEditDavinciV1"] = "code-davinci-edit-001",
        ["CodeSearchAdaCodeV1"] = "code-search-ada-code-001",
        ["CodeSearchBabbageCodeV1"] = "code-search-babbage-code-001",
        ["CodeSearchAdaTextV1"] = "code-search-ada-text-001",
        ["CodeSearchBabbageTextV1"] = "code-search-babbage-text-001",
        ["TextEmbeddingAdaV2"] = "text-embedding-ada-002",
        ["TextEmbeddingV3Small"] = "text-embedding-3-small",
        ["TextEmbeddingV3Large"] = "text-embedding-3-large",
        ["TextModeration007"] = "text-moderation-007",
        ["TextModerationLatest"] = "text-moderation-latest",
        ["TextModerationStable"] = "text-moderation-stable",
        ["ChatGpt3_5Turbo"] = "gpt-3.5-turbo",
        ["Gpt_3_5_Turbo"] = "gpt-3.5-turbo",
        ["Gpt_3_5_Turbo_16k"] = "gpt-3.5-turbo-16k",
        ["ChatGpt3_5Turbo0301"] = "gpt-3.5-turbo-0301",
        ["Gpt_3_5_Turbo_0301"] = "gpt-3.5-turbo-0301",
        ["Gpt_3_5_Turbo_0613"] = "gpt-3.5-turbo-0613",
        ["Gpt_3_5_Turbo_1106"] = "gpt-3.5-turbo-1106",
        ["Gpt_3_5_Turbo_0125"] = "gpt-3.5-turbo-0125",
        ["Gpt_3_5_Turbo_16k_0613"] = "gpt-3.5-turbo-16k-0613",
        ["Gpt_3_5_Turbo_Instruct"] = "gpt-3.5-turbo-instruct",
        ["WhisperV1"] = "whisper-1",
        ["Dall_e_2"] = "dall-e-2",
        ["Dall_e_3"] = "dall-e-3",
        ["Tts_1"] = "tts-1",
        ["Tts_1_hd"] = "tts-1-hd",
        ["O1_preview"] = "o1-preview",
        ["O1_mini"] = "o1-mini",
        ["O1_preview_2024_09_12"] = "o1-preview-2024-09-12",
        ["O1_mini_2024_09_12"] = "o1-mini-2024-09-12",
        ["O1"] = "o1",
        ["O1_2024_12_17"] = "o1-2024-12-17",
        ["O3_mini"] = "o3-mini",
        ["O3_mini_2025_01_31"] = "o3-mini-2025-01-31",
        ["O1_pro_2025_03_19"] = "o1-pro-2025-03-19",
        ["O3_2025_04_16"] = "o3-2025-04-16",
        ["O4_mini_2025_04_16"] = "o4-mini-2025-04-16",
    };

    /// <summary>The property naming a model id, preferring the Gpt_/O1_ spelling over the older ChatGpt3_5Turbo forms.</summary>
    public static string? PropertyFor(string id) =>
        IdByProperty.Where(p => p.Value == id).Select(p => p.Key).OrderBy(name => name.StartsWith("Chat", StringComparison.Ordinal) ? 1 : 0).FirstOrDefault();
}

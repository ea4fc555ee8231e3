using System;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Responses;

// A small support bot as many teams wrote it in 2024: every model name here was fine once.
string apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "set OPENAI_API_KEY";
var openAI = new OpenAIClient(apiKey);

// Retired on 2026-10-23: requests fail (MDL0001).
ChatClient triage = new ChatClient("gpt-4", apiKey);

// Configuration with a hard-coded fallback: the fallback is what ships (MDL0001).
string? configured = Environment.GetEnvironmentVariable("SUPPORT_BOT_MODEL");
ChatClient answers = openAI.GetChatClient(configured ?? "gpt-3.5-turbo");

// Deprecated: shuts down 2027-01-14 (MDL0002).
ChatClient summaries = openAI.GetChatClient(Models.Summaries);

// Retired first-generation embeddings (MDL0001); a fix reminds you to re-embed stored vectors.
EmbeddingClient search = openAI.GetEmbeddingClient("text-search-ada-doc-001");

// Per-request model on the Responses API (MDL0001).
ResponsesClient responses = openAI.GetResponsesClient();
if (args is ["--live"])
{
    Console.WriteLine(responses.CreateResponse("o1", "Hello").Value.GetOutputText());
}

// Fine: a model with no announced shutdown, and a string that never reaches the SDK.
ChatClient current = openAI.GetChatClient("gpt-6-luna");
Console.WriteLine("Legacy model names we used to run: gpt-4, gpt-3.5-turbo");

internal static class Models
{
    public const string Summaries = "gpt-4o";
}

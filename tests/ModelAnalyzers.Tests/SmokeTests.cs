using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

public class SmokeTests
{
    [Fact]
    public Task ChatClientConstructor()
    {
        return AnalyzerTest.VerifyAsync("""
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient({|MDL0001:"gpt-4"|}, "key");
            }
            """);
    }
}

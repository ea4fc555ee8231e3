using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// Where configuration decides the model (issue 33): a settings member a site reads gets its model from every write
/// to it in the compilation (initializers, assignments, Configure lambdas, with, records, primary constructors), each
/// judged and fixed at its literal; a member no site reads stays silent. Compiled against the real
/// Microsoft.Extensions.Options packages.
/// </summary>
public class OptionsPatternTests
{
    internal static readonly ReferenceAssemblies Hosting = AnalyzerTest.WithPackages(
        ("OpenAI", AnalyzerTest.LatestOpenAI),
        ("Microsoft.Extensions.Options.ConfigurationExtensions", "8.0.0"),
        ("Microsoft.Extensions.Configuration.Binder", "8.0.0"),
        ("Microsoft.Extensions.Configuration", "8.0.0"));

    private const string Service = """
        using Microsoft.Extensions.Options;
        using OpenAI.Chat;

        public class AiOptions
        {
            public string ChatModel { get; set; } = "";
            public string DisplayName { get; set; } = "";
            public string? Fallback;
        }

        public class ChatService(IOptions<AiOptions> options, IOptionsMonitor<AiOptions> monitor)
        {
            public ChatClient Chat(string key) => new(options.Value.ChatModel, key);
            public ChatClient Backup(string key) => new(monitor.CurrentValue.Fallback ?? "gpt-6-luna", key);
            public bool IsOld => options.Value.DisplayName == "gpt-4";
        }
        """;

    private static Task VerifyAsync(params (string Name, string Source)[] sources)
    {
        var test = new AnalyzerTest { ReferenceAssemblies = Hosting };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    [Fact]
    public Task ConfigureLambdasObjectInitializersAndAssignmentsAreTheSitesModels() => VerifyAsync(
        ("Service.cs", Service),
        ("Startup.cs", """
            using Microsoft.Extensions.DependencyInjection;

            public static class Startup
            {
                public static void Add(IServiceCollection services)
                {
                    services.Configure<AiOptions>(o => o.ChatModel = {|MDL0001:"gpt-4"|});
                    services.PostConfigure<AiOptions>(o => { o.Fallback = {|MDL0001:"gpt-3.5-turbo"|}; });
                    services.AddOptions<AiOptions>().Configure(o => o.ChatModel = {|MDL0002:"gpt-4o"|});
                    // Not read by any site: a display name and a price table stay silent.
                    services.Configure<AiOptions>(o => o.DisplayName = "gpt-4");
                    var prices = new System.Collections.Generic.Dictionary<string, decimal> { ["gpt-4"] = 30m };
                }

                public static AiOptions Defaults() => new() { ChatModel = {|MDL0001:"o1"|}, DisplayName = "gpt-4" };

                public static void Reset(AiOptions options, bool cheap) => options.ChatModel = cheap ? {|MDL0001:"gpt-4-turbo"|} : "gpt-6.2-sol";
            }
            """));

    [Fact]
    public Task RecordsWithExpressionsInitAndPrimaryConstructors() => VerifyAsync(
        ("Settings.cs", """
            public record BotSettings(string ChatModel, string Greeting);

            public class AgentSettings(string model)
            {
                public string Model { get; } = model;
            }

            public class InitSettings
            {
                public string Model { get; init; } = "gpt-6-luna";
            }
            """),
        ("Sites.cs", """
            using OpenAI.Chat;

            public static class Sites
            {
                public static ChatClient Bot(BotSettings settings, string key) => new(settings.ChatModel, key);
                public static ChatClient Agent(AgentSettings settings, string key) => new(settings.Model, key);
                public static ChatClient Init(InitSettings settings, string key) => new(settings.Model, key);
            }
            """),
        ("Startup.cs", """
            public static class Startup
            {
                public static BotSettings Bot() => new({|MDL0001:"gpt-4"|}, "gpt-4 says hello");
                public static BotSettings Named() => new BotSettings(Greeting: "hi", ChatModel: {|MDL0001:"o3-mini"|});
                public static BotSettings Cheaper(BotSettings settings) => settings with { ChatModel = {|MDL0001:"gpt-3.5-turbo"|} };
                public static AgentSettings Agent() => new AgentSettings({|MDL0001:"o1"|});
                public static InitSettings Init() => new() { Model = {|MDL0001:"gpt-4-turbo"|} };
            }
            """));

    [Fact]
    public Task WritesInEveryLayoutTheTextCanTake() => VerifyAsync(
        ("Settings.cs", """
            namespace App.Config
            {
                public record Bot<T>(string ChatModel, T Extra);

                public class AiOptions
                {
                    public string ChatModel { get; set; } = "";
                    public string? Backup;
                }
            }
            """),
        ("Sites.cs", """
            using App.Config;
            using OpenAI.Chat;

            public static class Sites
            {
                public static ChatClient Chat(AiOptions o, string key) => new(o.ChatModel, key);
                public static ChatClient Bot(Bot<int> b, string key) { var model = b.ChatModel; return new(model, key); }
                public static ChatClient Backup(AiOptions o, string key) => new(o.Backup!, key);
            }
            """),
        ("Startup.cs", """
            using App.Config;

            public static class Startup
            {
                public static void Set(AiOptions o, int tier, bool fast)
                {
                    o.ChatModel=({|MDL0001:"gpt-4"|});
                    o.ChatModel   =   fast ? {|MDL0001:@"o1"|} : "gpt-6-luna";
                    o.ChatModel = tier switch { 1 => {|MDL0001:"gpt-4-turbo"|}, _ => {|MDL0001:"o3-mini"|} };
                    o.Backup = null ?? {|MDL0001:"gpt-3.5-turbo"|};
                    o.ChatModel += "gpt-4"; // a compound assignment: not a model write this follows
                }

                public static Bot<int> Make() => new App.Config.Bot<int>({|MDL0001:"o1"|}, 1);
            }
            """));

    [Fact]
    public Task AMemberOfTheSameNameOnAnotherTypeAndAComparisonStaySilent() => VerifyAsync(
        ("Service.cs", Service),
        ("Other.cs", """
            public class ReportSettings
            {
                public string ChatModel { get; set; } = "gpt-4";
            }

            public static class Other
            {
                public static ReportSettings Make() => new() { ChatModel = "gpt-3.5-turbo" };
                public static bool Old(AiOptions options) => options.ChatModel == "gpt-4" || options.ChatModel.Equals("o1");
            }
            """));

    [Fact]
    public Task WritesThatFeedEachOtherEnd() => VerifyAsync(
        ("Cycle.cs", """
            using OpenAI.Chat;

            public class A { public string Model { get; set; } = {|MDL0001:"gpt-4"|}; }
            public class B { public string Model { get; set; } = ""; }

            public static class Cycle
            {
                public static void Copy(A a, B b)
                {
                    a.Model = b.Model;
                    b.Model = a.Model;
                    b.Model = {|MDL0001:"o1"|};
                }

                public static ChatClient Chat(A a, string key) => new(a.Model, key);
            }
            """));

    [Fact]
    public async Task TheFixEditsTheWriteInItsOwnFileOneByOneAndThroughFixAll()
    {
        var test = new AnalyzerTest
        {
            ReferenceAssemblies = Hosting,
            CodeActionEquivalenceKey = UseModelCodeFixProvider.RecommendedEquivalenceKey,
        };
        test.TestState.Sources.Add(("Service.cs", Service));
        test.TestState.Sources.Add(("Startup.cs", """
            using Microsoft.Extensions.DependencyInjection;

            public static class Startup
            {
                public static void Add(IServiceCollection services)
                {
                    services.Configure<AiOptions>(o => o.ChatModel = {|MDL0001:"gpt-4"|});
                    services.Configure<AiOptions>(o => o.Fallback = {|MDL0001:"gpt-3.5-turbo"|});
                }
            }
            """));
        test.FixedState.Sources.Add(("Service.cs", Service));
        test.FixedState.Sources.Add(("Startup.cs", """
            using Microsoft.Extensions.DependencyInjection;

            public static class Startup
            {
                public static void Add(IServiceCollection services)
                {
                    services.Configure<AiOptions>(o => o.ChatModel = "gpt-6.2-sol");
                    services.Configure<AiOptions>(o => o.Fallback = "gpt-6-luna");
                }
            }
            """));
        await test.RunAsync();
    }
}

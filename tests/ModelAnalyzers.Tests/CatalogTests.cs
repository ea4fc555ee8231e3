using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Tests;

public class CatalogTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.BuiltIn;

    [Fact]
    public void CatalogCarriesItsAsOfDateAndEveryResearchedModel()
    {
        Assert.Equal(new DateTime(2026, 12, 7), Catalog.AsOf);
        Assert.True(Catalog.Models.Count >= 223, $"only {Catalog.Models.Count} models");
        Assert.Equal(Catalog.Models.Count, Catalog.Models.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void EveryModelHasAKnownKindAndASource()
    {
        var kinds = new[] { "chat", "reasoning", "embedding", "image", "audio", "moderation", "video", "completion-legacy" };
        Assert.All(Catalog.Models, m =>
        {
            Assert.Contains(m.Kind, kinds);
            Assert.False(string.IsNullOrWhiteSpace(m.Source), m.Id);
        });
    }

    [Fact]
    public void EveryReplacementAndSnapshotAliasExists()
    {
        Assert.All(Catalog.Models.Where(m => m.Replacement is not null), m => Assert.NotNull(Catalog.Find(m.Replacement!)));
        Assert.All(Catalog.Models.Where(m => m.SnapshotOf is not null), m => Assert.NotNull(Catalog.Find(m.SnapshotOf!)));
    }

    [Fact]
    public void FollowingReplacementsFromAnyModelEndsAtAModelStillServedAtTheCatalogDate()
    {
        Assert.All(Catalog.Models.Where(m => m.Replacement is not null), m =>
        {
            var end = Capability.FollowReplacement(Catalog, m, Catalog.AsOf);
            Assert.True(end is not null, $"{m.Id}: the replacement chain ends at a retired model");
            Assert.NotEqual(Lifecycle.Retired, end!.StatusAt(Catalog.AsOf));
        });
    }

    [Fact]
    public void ShutdownNeverPrecedesTheNotice()
    {
        Assert.All(Catalog.Models.Where(m => m.DeprecatedOn is not null && m.ShutdownOn is not null), m => Assert.True(m.DeprecatedOn <= m.ShutdownOn, m.Id));
    }

    [Theory]
    [InlineData("gpt-4o-mini", 0.15, 0.6, 128_000L, 16_384L)]
    [InlineData("gpt-5-mini", 0.25, 2.0, 400_000L, 128_000L)]
    [InlineData("gpt-4.1", 2.0, 8.0, 1_047_576L, 32_768L)]
    [InlineData("gpt-4", 30.0, 60.0, 8_192L, 8_192L)]
    [InlineData("gpt-4o-2024-05-13", 5.0, 15.0, 128_000L, 4_096L)]
    [InlineData("gpt-4o", 2.5, 10.0, 128_000L, 16_384L)]
    public void SeedFiguresHold(string id, double input, double output, long context, long maxOutput)
    {
        var model = Catalog.Find(id)!;

        Assert.Equal(input, model.InputPer1M);
        Assert.Equal(output, model.OutputPer1M);
        Assert.Equal(context, model.ContextWindow);
        Assert.Equal(maxOutput, model.MaxOutput);
    }

    [Fact]
    public void SeedCapabilitiesHold()
    {
        Assert.True(Catalog.Find("gpt-4o-mini")!.Vision);
        Assert.False(Catalog.Find("gpt-4o-mini")!.IsReasoning);
        Assert.True(Catalog.Find("gpt-5-mini")!.IsReasoning);
    }

    [Theory]
    [InlineData("gpt-3.5-turbo", "2026-10-23")]
    [InlineData("gpt-4", "2026-10-23")]
    [InlineData("gpt-4-turbo", "2026-10-23")]
    [InlineData("o1", "2026-10-23")]
    [InlineData("o3-mini", "2026-10-23")]
    [InlineData("o4-mini", "2026-10-23")]
    [InlineData("gpt-5", "2026-12-11")]
    [InlineData("gpt-5-mini", "2026-12-11")]
    [InlineData("o3", "2026-12-11")]
    [InlineData("gpt-4o-mini", "2027-01-14")]
    public void ShutdownDatesMatchOpenAIsNotices(string id, string shutdown)
    {
        Assert.Equal(shutdown, ModelCatalog.FormatDate(Catalog.Find(id)!.ShutdownOn!.Value));
    }

    [Fact]
    public void DatedSnapshotsKnowTheirAlias()
    {
        Assert.Equal("gpt-4o", Catalog.Find("gpt-4o-2024-08-06")!.SnapshotOf);
        Assert.Equal("gpt-4", Catalog.Find("gpt-4-0613")!.SnapshotOf);
        Assert.Null(Catalog.Find("gpt-4o")!.SnapshotOf);
    }

    [Fact]
    public void ProseReplacementsResolveToTheFirstNamedIdAndKeepOpenAIsWording()
    {
        var o3Pro = Catalog.Find("o3-pro")!;

        Assert.Equal("gpt-6.1-sol", o3Pro.Replacement);
        Assert.Equal("gpt-6.1-sol (reasoning.mode: \"pro\", Responses API only)", o3Pro.ReplacementNote);
    }

    [Fact]
    public void StatusFollowsTheDate()
    {
        var gpt4 = Catalog.Find("gpt-4")!;

        Assert.Equal(Lifecycle.Active, gpt4.StatusAt(new DateTime(2026, 4, 21)));
        Assert.Equal(Lifecycle.Deprecated, gpt4.StatusAt(new DateTime(2026, 4, 22)));
        Assert.Equal(Lifecycle.Retired, gpt4.StatusAt(new DateTime(2026, 10, 23)));
    }
}

using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Tests;

/// <summary>The judgement step alone: catalog + id + date + targets in, rule + message + offers out.</summary>
public class JudgementTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.BuiltIn;
    private static readonly DateTime Today = new(2026, 12, 4);

    private static Verdict? Judge(string id, DateTime? asOf = null, params string[] targets) =>
        ModelJudge.Judge(Catalog, id, new JudgePolicy(asOf ?? Today, targets.Length == 0 ? null : targets));

    [Fact]
    public void RetiredModelNamesTheRecommendationAndOpenAIsLiveSuccessorWithSavings()
    {
        var verdict = Judge("gpt-4")!;

        Assert.Equal("MDL0001", RuleIds.Of(verdict.Kind));
        Assert.Equal(
            "'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-6.2-sol' lists 93% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output); OpenAI names 'gpt-5.6-sol', which lists 83% lower input and 50% lower output prices",
            verdict.Message);
    }

    [Fact]
    public void TheRecommendationComesFirstThenTheCardTargetsWithTheirOwnShutdownDatesThenOpenAIsReplacement()
    {
        var titles = Judge("gpt-4")!.Offers.Select(o => o.Title);

        Assert.Equal(
            new[]
            {
                "Use 'gpt-6.2-sol' (89% cheaper)",
                "Use 'gpt-4o-mini' (smaller tier: mid, not flagship; 99% cheaper; shuts down 2027-01-14)",
                "Use 'gpt-5-mini' (smaller tier: mid, not flagship; 98% cheaper; shuts down 2026-12-11)",
                "Use 'gpt-5.6-sol' (70% cheaper)",
            },
            titles);
    }

    [Theory]
    [InlineData("2026-12-07", "MDL0002")]
    [InlineData("2026-12-12", "MDL0001")]
    public void AModelTheMessageNamesThatIsItselfDeprecatedCarriesItsShutdownDate(string asOf, string rule)
    {
        // gpt-5's successor costs more, so the message names the card's cheaper gpt-4o-mini, gone on 2027-01-14.
        var verdict = Judge("gpt-5", DateTime.Parse(asOf))!;

        Assert.Equal(rule, RuleIds.Of(verdict.Kind));
        Assert.Matches(@"; 'gpt-4o-mini' \(smaller tier: mid, not flagship\) lists [^;]* \(it shuts down on 2027-01-14\)$", verdict.Message);
    }

    [Fact]
    public void AModelOfNoTierIsNotToldThatNothingCheaperDoesAsMuchAndItsNotesShareOneParenthesis()
    {
        // chatgpt-4o-latest has no tier, so no catalog search was made: its costlier successor only "costs more".
        var verdict = Judge("chatgpt-4o-latest", new DateTime(2026, 12, 7))!;

        Assert.Equal(
            "'chatgpt-4o-latest' was shut down on 2026-02-17 and requests to it fail; OpenAI names 'gpt-5.6-sol', which lists the same input and 100% higher output prices (it is a reasoning model: its reasoning tokens bill as output; it costs more)",
            verdict.Message);
    }

    [Fact]
    public void RetiredCardTargetIsReplacedByWhatItStandsFor()
    {
        // From 2026-12-11 gpt-5-mini is gone: its chain leads to gpt-5.6-terra, which costs more, so the cheapest live
        // model of its tier (mid) stands in; gpt-4o-mini, gone on 2027-01-14, stands for OpenAI's gpt-6-luna.
        var offers = Judge("gpt-4", new DateTime(2027, 1, 15))!.Offers.Select(o => o.Title).ToList();

        Assert.Contains("Use 'gpt-6-luna' (in place of gpt-4o-mini, retired 2027-01-14; smaller tier: entry, not flagship; 99% cheaper)", offers);
        Assert.Contains("Use 'gpt-5.4-mini' (in place of gpt-5-mini, retired 2026-12-11; smaller tier: mid, not flagship; 95% cheaper)", offers);
        Assert.DoesNotContain(offers, t => t.StartsWith("Use 'gpt-4o-mini'") || t.StartsWith("Use 'gpt-5-mini'"));
    }

    [Fact]
    public void DeprecatedModelGetsMDL0002AndOnlyTargetsThatOutliveIt()
    {
        var verdict = Judge("gpt-4o-mini")!;

        Assert.Equal("MDL0002", RuleIds.Of(verdict.Kind));
        Assert.StartsWith("'gpt-4o-mini' shuts down on 2027-01-14; OpenAI names 'gpt-6-luna' (smaller tier: entry, not mid), which lists 33% lower input and 16% lower output prices", verdict.Message);
        // gpt-5-mini shuts down 2026-12-11, before gpt-4o-mini does: moving to it would be a step back.
        Assert.Equal(new[] { "gpt-6-luna" }, verdict.Offers.Select(o => o.Target.Id));
    }

    [Fact]
    public void ATargetThatShutsDownTheSameDayIsNotOffered()
    {
        // gpt-4o and gpt-4o-mini both shut down on 2027-01-14: gpt-4o-mini would buy no time.
        var offers = Judge("gpt-4o")!.Offers.Select(o => o.Target.Id);

        Assert.DoesNotContain("gpt-4o-mini", offers);
    }

    [Fact]
    public void ACostlierRecommendationSaysSoAndNamesTheCheaperSmallerTier()
    {
        // Nothing live of gpt-5-mini's tier costs less than it: the cheapest of its tier is recommended, the message says
        // it costs more, and the cheaper smaller tier is offered, titled as such.
        var verdict = Judge("gpt-5-mini", new DateTime(2027, 1, 15))!;

        Assert.Equal("MDL0001", RuleIds.Of(verdict.Kind));
        Assert.Contains("'gpt-5.4-mini' lists 200% higher input and 125% higher output prices (it costs more: no cheaper live model does at least as much)", verdict.Message);
        Assert.Contains("OpenAI names 'gpt-6.1-terra', which lists 300% higher input and 150% higher output prices", verdict.Message);
        Assert.Contains("'gpt-6-luna' (smaller tier: entry, not mid) lists 60% lower input and 75% lower output prices", verdict.Message);
        Assert.Equal("gpt-5.4-mini", verdict.Recommended!.Target.Id);
        Assert.Contains(verdict.Offers, o => o.Title.StartsWith("Use 'gpt-6-luna'", StringComparison.Ordinal) && o.Title.Contains("smaller tier: entry, not mid"));
    }

    [Fact]
    public void BeforeTheNoticeACostlierModelGetsMDL0003WithTheCheapestModelThatDoesAsMuch()
    {
        var verdict = Judge("gpt-4", new DateTime(2026, 1, 1))!;

        // On 2026-01-01 the GPT-6 flagships were not out yet: gpt-5 was the cheapest flagship with no shutdown scheduled
        // (gpt-5.1 costs the same, but its notice has no known date, so it counts as deprecated throughout).
        Assert.Equal("MDL0003", RuleIds.Of(verdict.Kind));
        Assert.Equal("'gpt-4' costs more than 'gpt-5', which does at least as much; 'gpt-5' lists 95% lower input and 83% lower output prices (it is a reasoning model: its reasoning tokens bill as output)", verdict.Message);
        // The card's targets are a smaller tier than gpt-4: never claimed to do as much.
        Assert.DoesNotContain(verdict.Offers, o => o.Target.Id is "gpt-4o-mini" or "gpt-5-mini");
    }

    [Fact]
    public void BetweenNoticeAndShutdownTheModelIsDeprecated()
    {
        Assert.Equal("MDL0002", RuleIds.Of(Judge("gpt-4", new DateTime(2026, 6, 1))!.Kind));
        Assert.Equal("MDL0001", RuleIds.Of(Judge("gpt-4", new DateTime(2026, 10, 23))!.Kind));
    }

    [Fact]
    public void CheaperTargetWithSmallerContextIsNotCostlierEvidence()
    {
        // gpt-4.1 (1M context) is not matched by gpt-4o-mini (128K) or gpt-5-mini (400K), nor by the gpt-5 flagships
        // of early 2026 (400K); gpt-5.4 (1.05M) came later and costs more. Nothing fires.
        Assert.Null(Judge("gpt-4.1", new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void ConfiguredTargetCanMakeAnActiveModelCostlierAndIsTitledAsASmallerTier()
    {
        var verdict = ModelJudge.Judge(Catalog, "gpt-6.1-terra", new JudgePolicy(Today, new[] { "gpt-6-luna" }))!;

        Assert.Equal("MDL0003", RuleIds.Of(verdict.Kind));
        Assert.StartsWith("'gpt-6.1-terra' costs more than 'gpt-6-luna', the configured target (smaller tier: entry, not mid);", verdict.Message);
        Assert.Equal("Use 'gpt-6-luna' (smaller tier: entry, not mid; 90% cheaper)", Assert.Single(verdict.Offers).Title);
    }

    [Fact]
    public void ALowerTierIsNeverClaimedToDoAsMuch()
    {
        // gpt-6-luna (entry) costs less than gpt-4.1 (flagship) but is not "a cheaper model of equal capability".
        Assert.False(Capability.IsAtLeastAsCapable(Catalog.Find("gpt-6-luna")!, Catalog.Find("gpt-4.1")!));
        Assert.True(Capability.IsAtLeastAsCapable(Catalog.Find("gpt-6.1-sol")!, Catalog.Find("gpt-4.1")!));
        var before = Judge("gpt-4.1", new DateTime(2026, 9, 1));
        Assert.True(before is null || before.Offers.All(o => o.Target.Id != "gpt-6-luna"), before?.Message);
    }

    [Fact]
    public void AnOlderGenerationOfTheSameTierIsNeverClaimedToDoAsMuch()
    {
        // gpt-5.4-mini (2026-03) is cheaper than gpt-6.1-terra (2026-10), same tier, but older.
        Assert.False(Capability.IsAtLeastAsCapable(Catalog.Find("gpt-5.4-mini")!, Catalog.Find("gpt-6.1-terra")!));
        Assert.Null(Judge("gpt-6.1-terra"));
    }

    [Theory]
    [InlineData("text-embedding-ada-002", "MDL0003", "text-embedding-3-small")]
    [InlineData("text-search-davinci-doc-001", "MDL0001", "text-embedding-3-small")]
    [InlineData("gpt-image-1", "MDL0001", "gpt-image-2.6-sunburst")] // gpt-image-2 is deprecated itself (2027-02-10)
    [InlineData("gpt-4o-mini-transcribe-2025-03-20", "MDL0002", "gpt-live-transcribe")]
    [InlineData("text-moderation-latest", "MDL0001", "omni-moderation-latest")]
    public void EveryKindIsWeighedAgainstItsOwnKind(string id, string rule, string recommended)
    {
        var verdict = Judge(id)!;

        Assert.Equal(rule, RuleIds.Of(verdict.Kind));
        Assert.Equal(recommended, verdict.Recommended!.Target.Id);
        var model = Catalog.Find(id)!;
        Assert.All(verdict.Offers, o => Assert.Equal(model.KindGroup, o.Target.KindGroup));
    }

    [Fact]
    public void AudioModelsAreOnlyClaimedEqualWithinTheirTask()
    {
        // A speech model is cheaper than a transcription model, but does a different job.
        Assert.False(Capability.IsAtLeastAsCapable(Catalog.Find("gpt-4o-mini-tts")!, Catalog.Find("gpt-4o-transcribe")!));
        var transcribe = Judge("gpt-4o-transcribe")!;
        Assert.All(transcribe.Offers, o => Assert.Equal("transcription", o.Target.Task));
    }

    [Fact]
    public void EmbeddingSavingsWarnThatVectorsMustBeReEmbedded()
    {
        var verdict = Judge("text-embedding-ada-002")!;

        Assert.Equal("'text-embedding-ada-002' costs more than 'text-embedding-3-small', which does at least as much; 'text-embedding-3-small' lists 80% lower input price (stored vectors must be re-embedded)", verdict.Message);
        Assert.Equal("Use 'text-embedding-3-small' (80% cheaper; re-embed stored vectors)", Assert.Single(verdict.Offers).Title);
    }

    [Theory]
    [InlineData("gpt-6.1-terra")]
    [InlineData("gpt-6-luna")]
    [InlineData("text-embedding-3-small")]
    [InlineData("text-embedding-3-large")]
    [InlineData("my-company-deployment")]
    public void ActiveAndUnknownIdsAreNotJudged(string id)
    {
        Assert.Null(Judge(id));
    }

    [Fact]
    public void DifferentlyCasedIdIsATypoNotTheModel()
    {
        var verdict = Judge("GPT-4")!;

        Assert.Equal("MDL0005", RuleIds.Of(verdict.Kind));
        Assert.Equal("gpt-4", verdict.Model.Id);
    }

    [Fact]
    public void EmbeddingModelsOnlyGetEmbeddingTargetsAndAReEmbedWarning()
    {
        var verdict = Judge("text-search-ada-doc-001")!;

        Assert.Equal("MDL0001", RuleIds.Of(verdict.Kind));
        Assert.Contains("stored vectors must be re-embedded", verdict.Message);
        Assert.Equal("Use 'text-embedding-3-small' (99% cheaper; re-embed stored vectors)", verdict.Offers[0].Title);
        Assert.All(verdict.Offers, o => Assert.Equal("embedding", o.Target.Kind));
    }

    [Fact]
    public void RetiredModelWithoutSuccessorSaysSo()
    {
        var verdict = Judge("sora-2")!;

        Assert.Equal("'sora-2' was shut down on 2026-09-24 and requests to it fail; OpenAI names no replacement", verdict.Message);
        Assert.Empty(verdict.Offers);
    }

    // Section 8 of the reference (2026-12-07): OpenAI's new replacements for the 2026-12-11 batch, with the mode it names.
    [Theory]
    [InlineData("gpt-5", "OpenAI names 'gpt-6.1-sol'")]
    [InlineData("o3", "OpenAI names 'gpt-6.1-sol'")]
    [InlineData("gpt-5-mini", "OpenAI names 'gpt-6.1-terra'")]
    [InlineData("gpt-5-nano", "OpenAI names 'gpt-6-luna'")]
    [InlineData("gpt-5-pro", "OpenAI names 'gpt-6.1-sol' (reasoning.mode: \"pro\", Responses API only)")]
    [InlineData("o3-pro-2025-06-10", "OpenAI names 'gpt-6.1-sol' (reasoning.mode: \"pro\", Responses API only)")]
    public void TheDecemberBatchNamesOpenAIsCurrentReplacementAndItsMode(string id, string expected)
    {
        var verdict = Judge(id, new DateTime(2026, 12, 7))!;

        Assert.Equal("MDL0002", RuleIds.Of(verdict.Kind));
        Assert.Contains("shuts down on 2026-12-11", verdict.Message);
        Assert.Contains(expected, verdict.Message);
        Assert.DoesNotContain("OpenAI names 'gpt-5.6", verdict.Message);
    }

    [Fact]
    public void ReplacementChainSkipsDeprecatedStepsToALiveModel()
    {
        // gpt-4-0314 -> gpt-5 (deprecated, shuts 2026-12-11) -> gpt-6.1-sol (active; OpenAI's replacement since the 2026-12-07 check)
        Assert.Equal("gpt-6.1-sol", Capability.FollowReplacement(Catalog, Catalog.Find("gpt-4-0314")!, Today)!.Id);
    }

    [Fact]
    public void SnapshotAndAliasAreNotOfferedForEachOther()
    {
        var offers = Judge("gpt-4o-mini-2024-07-18")!.Offers.Select(o => o.Target.Id);

        Assert.DoesNotContain("gpt-4o-mini", offers);
    }
}

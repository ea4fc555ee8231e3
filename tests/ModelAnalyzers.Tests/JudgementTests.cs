using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.Tests;

/// <summary>The judgement step alone: catalog + id + date + targets in, rule + message + offers out.</summary>
public class JudgementTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.BuiltIn;
    private static readonly DateTime Today = new(2026, 11, 23);

    private static Verdict? Judge(string id, DateTime? asOf = null, params string[] targets) =>
        ModelJudge.Judge(Catalog, id, new JudgePolicy(asOf ?? Today, targets.Length == 0 ? ModelJudge.DefaultTargets : targets));

    [Fact]
    public void RetiredModelNamesShutdownDateAndOpenAIsLiveSuccessorWithSavings()
    {
        var verdict = Judge("gpt-4")!;

        Assert.Equal("MDL0001", verdict.RuleId);
        Assert.Equal(
            "'gpt-4' was shut down on 2026-10-23 and requests to it fail; 'gpt-5.6-sol' lists 83% lower input and 50% lower output prices (it is a reasoning model: its reasoning tokens bill as output)",
            verdict.Message);
    }

    [Fact]
    public void CardTargetsComeFirstWithTheirOwnShutdownDatesThenOpenAIsReplacement()
    {
        var titles = Judge("gpt-4")!.Offers.Select(o => o.Title);

        Assert.Equal(
            new[]
            {
                "Use 'gpt-4o-mini' (99% cheaper; shuts down 2027-01-14)",
                "Use 'gpt-5-mini' (98% cheaper; shuts down 2026-12-11)",
                "Use 'gpt-5.6-sol' (70% cheaper)",
            },
            titles);
    }

    [Fact]
    public void TargetRetiredAtTheAsOfDateIsNeverOffered()
    {
        var offers = Judge("gpt-4", new DateTime(2026, 12, 11))!.Offers.Select(o => o.Target.Id);

        Assert.Equal(new[] { "gpt-4o-mini", "gpt-5.6-sol" }, offers);
    }

    [Fact]
    public void DeprecatedModelGetsMDL0002AndOnlyTargetsThatOutliveIt()
    {
        var verdict = Judge("gpt-4o-mini")!;

        Assert.Equal("MDL0002", verdict.RuleId);
        Assert.StartsWith("'gpt-4o-mini' shuts down on 2027-01-14; 'gpt-6-luna' lists 33% lower input and 16% lower output prices", verdict.Message);
        // gpt-5-mini shuts down 2026-12-11, before gpt-4o-mini does: moving to it would be a step back.
        Assert.Equal(new[] { "gpt-6-luna" }, verdict.Offers.Select(o => o.Target.Id));
    }

    [Fact]
    public void DeprecatedCardTargetSaysThatItsSuccessorCostsMore()
    {
        var verdict = Judge("gpt-5-mini")!;

        Assert.Equal("MDL0002", verdict.RuleId);
        Assert.StartsWith("'gpt-5-mini' shuts down on 2026-12-11; 'gpt-5.6-terra' lists 700% higher input and 500% higher output prices", verdict.Message);
        Assert.Equal(new[] { "Use 'gpt-4o-mini' (61% cheaper; shuts down 2027-01-14)", "Use 'gpt-5.6-terra' (554% more expensive)" }, verdict.Offers.Select(o => o.Title));
    }

    [Fact]
    public void BeforeTheNoticeACostlierModelGetsMDL0003WithCapableCheaperTargetsOnly()
    {
        var verdict = Judge("gpt-4", new DateTime(2026, 1, 1))!;

        Assert.Equal("MDL0003", verdict.RuleId);
        Assert.Equal("'gpt-4' costs more than 'gpt-4o-mini', which does at least as much; 'gpt-4o-mini' lists 99% lower input and output prices", verdict.Message);
        Assert.Equal(new[] { "gpt-4o-mini", "gpt-5-mini" }, verdict.Offers.Select(o => o.Target.Id));
    }

    [Fact]
    public void BetweenNoticeAndShutdownTheModelIsDeprecated()
    {
        Assert.Equal("MDL0002", Judge("gpt-4", new DateTime(2026, 6, 1))!.RuleId);
        Assert.Equal("MDL0001", Judge("gpt-4", new DateTime(2026, 10, 23))!.RuleId);
    }

    [Fact]
    public void CheaperTargetWithSmallerContextIsNotCostlierEvidence()
    {
        // gpt-4.1 (1M context) is not matched by gpt-4o-mini (128K) or gpt-5-mini (400K); before its notice
        // OpenAI named no replacement either (gpt-6-luna came with the notice), so nothing fires.
        Assert.Null(Judge("gpt-4.1", new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void ConfiguredTargetCanMakeAnActiveModelCostlier()
    {
        var verdict = Judge("gpt-5.2", null, "gpt-6-luna")!;

        Assert.Equal("MDL0003", verdict.RuleId);
        Assert.Equal("Use 'gpt-6-luna' (95% cheaper)", Assert.Single(verdict.Offers).Title);
    }

    [Theory]
    [InlineData("gpt-5.2")]
    [InlineData("gpt-6-luna")]
    [InlineData("text-embedding-3-small")]
    [InlineData("text-embedding-ada-002")]
    [InlineData("my-company-deployment")]
    public void ActiveAndUnknownIdsAreNotJudged(string id)
    {
        Assert.Null(Judge(id));
    }

    [Fact]
    public void DifferentlyCasedIdIsATypoNotTheModel()
    {
        var verdict = Judge("GPT-4")!;

        Assert.Equal("MDL0005", verdict.RuleId);
        Assert.Equal("gpt-4", verdict.Model.Id);
    }

    [Fact]
    public void EmbeddingModelsOnlyGetEmbeddingTargetsAndAReEmbedWarning()
    {
        var verdict = Judge("text-search-ada-doc-001")!;

        Assert.Equal("MDL0001", verdict.RuleId);
        Assert.Contains("stored vectors must be re-embedded", verdict.Message);
        Assert.Equal("Use 'text-embedding-3-small' (99% cheaper; re-embed stored vectors)", Assert.Single(verdict.Offers).Title);
    }

    [Fact]
    public void RetiredModelWithoutSuccessorSaysSo()
    {
        var verdict = Judge("sora-2")!;

        Assert.Equal("'sora-2' was shut down on 2026-09-24 and requests to it fail; OpenAI names no replacement", verdict.Message);
        Assert.Empty(verdict.Offers);
    }

    [Fact]
    public void ReplacementChainSkipsDeprecatedStepsToALiveModel()
    {
        // gpt-4-0314 -> gpt-5 (deprecated, shuts 2026-12-11) -> gpt-5.6-sol (active)
        Assert.Equal("gpt-5.6-sol", ModelJudge.FollowReplacement(Catalog, Catalog.Find("gpt-4-0314")!, Today)!.Id);
    }

    [Fact]
    public void SnapshotAndAliasAreNotOfferedForEachOther()
    {
        var offers = Judge("gpt-4o-mini-2024-07-18")!.Offers.Select(o => o.Target.Id);

        Assert.DoesNotContain("gpt-4o-mini", offers);
    }
}

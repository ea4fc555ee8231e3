using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelAnalyzers.Catalog;
using ModelAnalyzers.CodeFixes;
using ModelAnalyzers.Judgement;
using ModelAnalyzers.Tests.Infrastructure;

namespace ModelAnalyzers.Tests;

/// <summary>
/// The same consumer judged on the dates the advice must survive: today, after the gpt-5 batch (2026-12-11), after the
/// gpt-4o/gpt-4.1 batch (2027-01-14) and months later, with the default targets and with team configurations whose
/// sites get different first offers. At every date: no retired model is offered, the message and the first action
/// name the same model, one recommended Fix All (one dotnet format run) leaves no MDL0001 and compiles, and no
/// recommendation costs more while a cheaper live model of at least the same tier exists.
/// </summary>
public class TimeTravelTests
{
    private const string Consumer = """
        using OpenAI;
        using OpenAI.Chat;

        class Consumer
        {
            void M(OpenAIClient client, string key)
            {
                _ = new ChatClient("gpt-5-mini", key);
                _ = new ChatClient("gpt-4", key);
                _ = new ChatClient("gpt-4o-mini", key);
                _ = new ChatClient("gpt-3.5-turbo", key);
                _ = new ChatClient("gpt-4.1", key);
                _ = new ChatClient("gpt-4o", key);
                _ = new ChatClient("o3", key);
                _ = new ChatClient("o4-mini", key);
                _ = client.GetEmbeddingClient("text-embedding-ada-002");
            }
        }
        """;

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var date in new[] { "2026-12-04", "2026-12-12", "2027-01-15", "2027-06-01" })
        {
            data.Add(date, "");
            data.Add(date, "model_analyzers.targets = gpt-5-mini, gpt-4o-mini");
            data.Add(date, "model_analyzers.replace.gpt-4 = gpt-5-mini\nmodel_analyzers.replace.gpt-3.5-turbo = gpt-4o-mini");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task AdviceHoldsOnEveryDate(string asOf, string configuration)
    {
        var date = DateTime.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var document = await Workbench.CreateDocumentAsync(Consumer, $"model_analyzers.as_of_date = {asOf}\n{configuration}");
        var findings = (await Workbench.AnalyzeAsync(document)).Where(d => d.Id is "MDL0001" or "MDL0002" or "MDL0003").ToList();
        Assert.NotEmpty(findings);

        var catalog = ModelCatalog.BuiltIn;
        foreach (var diagnostic in findings)
        {
            string model = FixData.ReadModel(diagnostic.Properties)!;
            var offered = Offers(diagnostic);
            Assert.All(offered, id => Assert.NotEqual(Lifecycle.Retired, catalog.Find(id)!.StatusAt(date)));

            // One recommendation: the first offer is the model the message advises and the first action applies.
            var actions = await Workbench.ActionsAsync(document, diagnostic);
            if (offered.Count == 0)
            {
                Assert.Empty(actions);
                continue;
            }

            string recommended = offered[0];
            string advice = diagnostic.GetMessage(CultureInfo.InvariantCulture).Split("; ")[1];
            Assert.Contains($"'{recommended}'", advice);
            Assert.StartsWith($"Use '{recommended}'", actions[0].Title);
            Assert.Equal(UseModelCodeFixProvider.RecommendedEquivalenceKey, actions[0].EquivalenceKey);

            // Never a silent cost increase: when the recommendation costs more, nothing of at least the model's
            // tier that can be offered costs less (a team's own choice may, and the message says it costs more).
            var current = catalog.Find(model)!;
            var target = catalog.Find(recommended)!;
            if (PriceChange.Between(current, target).BlendedSaving < 0)
            {
                Assert.Contains("costs more", diagnostic.GetMessage(CultureInfo.InvariantCulture));
                if (string.IsNullOrEmpty(configuration))
                {
                    var cheaper = catalog.Models.Where(m => m.SnapshotOf is null && m.StatusAt(date) == Lifecycle.Active
                        && Capability.IsAtLeastAsCapable(m, current) && PriceChange.Between(current, m).BlendedSaving > 0).Select(m => m.Id);
                    Assert.Empty(cheaper);
                }
            }
        }

        // One pass: a single Fix All with the recommended key over every finding, as one dotnet format run applies.
        var fixedDocument = await FixAllRecommendedAsync(document, findings);
        Assert.Empty(await Workbench.CompilerErrorsAsync(fixedDocument));
        var after = await Workbench.AnalyzeAsync(fixedDocument);
        Assert.DoesNotContain(after, d => d.Id == "MDL0001");
        Assert.DoesNotContain(after, d => d.Id == "MDL0005");
    }

    [Theory]
    [InlineData("2026-12-12", "gpt-5-mini")]
    [InlineData("2027-01-15", "gpt-4o-mini")]
    public async Task ACardTargetIsNeverOfferedOnceItIsRetired(string asOf, string retiredTarget)
    {
        var document = await Workbench.CreateDocumentAsync(Consumer, $"model_analyzers.as_of_date = {asOf}");

        foreach (var diagnostic in await Workbench.AnalyzeAsync(document))
        {
            Assert.DoesNotContain(retiredTarget, Offers(diagnostic));
            Assert.All(await Workbench.ActionsAsync(document, diagnostic), a => Assert.DoesNotContain($"Use '{retiredTarget}'", a.Title));
        }
    }

    [Fact]
    public async Task TheStandInForARetiredTargetSaysWhatItStandsFor()
    {
        var document = await Workbench.CreateDocumentAsync(
            "class C { object M(OpenAI.OpenAIClient c) => c.GetChatClient(\"gpt-4.1\"); }", "model_analyzers.as_of_date = 2027-01-15\nmodel_analyzers.targets = gpt-4o-mini");
        var diagnostic = Assert.Single(await Workbench.AnalyzeAsync(document));

        var first = (await Workbench.ActionsAsync(document, diagnostic))[0];

        Assert.Equal("Use 'gpt-6-luna' (in place of gpt-4o-mini, retired 2027-01-14; smaller tier: entry, not flagship; 94% cheaper)", first.Title);
    }

    private static List<string> Offers(Diagnostic diagnostic)
    {
        var offers = new List<string>();
        for (int i = 0; diagnostic.Properties.TryGetValue(FixData.TargetKey(i), out var target) && target is not null; i++)
        {
            offers.Add(target);
        }

        return offers;
    }

    private static async Task<Document> FixAllRecommendedAsync(Document document, IReadOnlyList<Diagnostic> findings)
    {
        var provider = Workbench.CodeFixProviders.OfType<UseModelCodeFixProvider>().Single();
        var ids = findings.Select(d => d.Id).Distinct().ToArray();
        var context = new FixAllContext(document, provider, FixAllScope.Solution, UseModelCodeFixProvider.RecommendedEquivalenceKey, ids, new Findings(findings), CancellationToken.None);
        var fixAll = await provider.GetFixAllProvider().GetFixAsync(context);
        Assert.Equal("Use each site's recommended model", fixAll!.Title);
        var changed = (await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetDocument(document.Id)!;
    }

    private sealed class Findings : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyList<Diagnostic> _diagnostics;

        public Findings(IReadOnlyList<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

using ModelAnalyzers.Catalog;
using ModelAnalyzers.Judgement;
namespace ModelAnalyzers.Tests;
public class ZzProbe
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var date in new[] { new DateTime(2026,12,4), new DateTime(2026,12,12), new DateTime(2027,1,15), new DateTime(2027,6,1) })
        foreach (var id in new[] { "gpt-5-mini", "gpt-4", "gpt-4o-mini", "gpt-3.5-turbo", "gpt-4.1", "gpt-4o", "text-embedding-ada-002", "gpt-5.2", "o3", "gpt-6-luna", "gpt-6.1-terra", "whisper-1", "tts-1", "gpt-image-1", "dall-e-3", "text-search-ada-doc-001", "gpt-5.4-mini", "gpt-4o-search-preview" })
        {
            var v = ModelJudge.Judge(ModelCatalog.BuiltIn, id, new JudgePolicy(date));
            lines.Add($"{date:yyyy-MM-dd} {id}: {v?.RuleId} {v?.Message}");
            if (v != null) foreach (var o in v.Offers) lines.Add("      " + o.Title);
        }
        File.WriteAllLines("/tmp/probe/out.txt", lines);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelAnalyzers.Cli.Gates;

/// <summary>
/// A team's accepted findings (model-audit.baseline.json): each finding's fingerprint is its rule, file, model and the
/// shape of its line (the code with white space removed), never the line number, so moving or reformatting code keeps
/// a finding accepted. Identical fingerprints are counted, so a second copy of an accepted line is new.
/// </summary>
internal static class Baseline
{
    public const string DefaultFileName = "model-audit.baseline.json";

    public static string Fingerprint(string ruleId, string relativeFile, string model, string shape)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{relativeFile}\n{model}\n{shape}"));
        return Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }

    /// <summary>The baseline file's text for these findings, sorted so that a re-write of the same findings is byte-identical.</summary>
    public static string Write(IEnumerable<(Site Site, string RelativeFile, string Shape)> findings)
    {
        var entries = findings
            .Select(f => new { f.Site.RuleId, File = f.RelativeFile, f.Site.Model, f.Shape, Fingerprint = Fingerprint(f.Site.RuleId ?? "", f.RelativeFile, f.Site.Model, f.Shape) })
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .Select(e => (JsonNode)new JsonObject
            {
                ["ruleId"] = e.RuleId,
                ["file"] = e.File,
                ["model"] = e.Model,
                ["code"] = e.Shape,
                ["fingerprint"] = e.Fingerprint,
            });
        var root = new JsonObject
        {
            ["tool"] = "model-audit",
            ["description"] = "Accepted ModelAnalyzers findings: model-audit --baseline reports only findings not listed here as new. Regenerate with 'model-audit baseline'.",
            ["findings"] = new JsonArray(entries.ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The accepted fingerprints with their counts, and each entry's description for the stale list.</summary>
    public static List<(string Fingerprint, string Description)> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: no such file (write one with 'model-audit baseline')");
        }

        // JsonDocument, not JsonNode: a duplicated key in a hand-edited file is read, not thrown at the first access.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): invalid JSON: {e.Message}");
        }

        using (document)
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("findings", out var findings)
                || findings.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path}: expected {{\"findings\": [...]}} as 'model-audit baseline' writes it");
            }

            var entries = new List<(string, string)>();
            int index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException($"{path}: findings[{index}]: no \"fingerprint\" string");
                }

                entries.Add((fingerprint.GetString()!, $"{Text(item, "ruleId")} {Text(item, "file")} '{Text(item, "model")}': {Text(item, "code")}"));
                index++;
            }

            return entries;
        }
        catch (InvalidOperationException)
        {
            throw new FormatException($"{path}: a string is not valid text (an unpaired surrogate escape)");
        }
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}

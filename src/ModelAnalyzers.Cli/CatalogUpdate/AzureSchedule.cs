using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>One row of the Azure OpenAI table of Microsoft's model retirement schedule.</summary>
/// <param name="RetiresOn">Null when the page gives no date ("—").</param>
/// <param name="Replacement">Azure's suggested replacement as worded; null for "—".</param>
internal sealed record AzureScheduleRow(string Model, string Version, string Lifecycle, DateTime? RetiresOn, string? Replacement, int Line);

/// <summary>
/// Microsoft's model retirement schedule page (the Markdown include in MicrosoftDocs/azure-ai-docs,
/// articles/foundry/openai/includes/concepts-model-retirement-schedule-content.md): the "### Azure OpenAI" table of
/// model, version, lifecycle, retirement date and replacement, and the page's ms.date. Anything else is refused with
/// the line that is wrong, so a changed page never half-updates an overlay.
/// </summary>
internal static partial class AzureSchedule
{
    private static readonly string[] Lifecycles = { "GA", "Preview", "Deprecated", "Retired", "Legacy" };

    public static (List<AzureScheduleRow> Rows, DateTime? PageDate) Read(string path, string text)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        DateTime? pageDate = null;
        foreach (string line in lines.TakeWhile((_, i) => i < 40))
        {
            if (MsDate().Match(line) is { Success: true } match
                && DateTime.TryParseExact(match.Groups["date"].Value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                pageDate = date;
            }
        }

        int heading = Array.FindIndex(lines, l => l.Trim().Equals("### Azure OpenAI", StringComparison.Ordinal));
        if (heading < 0)
        {
            throw new FeedException($"{path}: no \"### Azure OpenAI\" section: not Microsoft's model retirement schedule page");
        }

        var rows = new List<AzureScheduleRow>();
        bool header = false;
        for (int i = heading + 1; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith('|'))
            {
                if (rows.Count > 0)
                {
                    break; // the table ended
                }

                continue;
            }

            string where = $"{path}({i + 1})";
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!header)
            {
                if (!cells.SequenceEqual(new[] { "Model", "Version", "Lifecycle", "Retirement date", "Replacement" }, StringComparer.OrdinalIgnoreCase))
                {
                    throw new FeedException($"{where}: expected the columns Model | Version | Lifecycle | Retirement date | Replacement, found {line}");
                }

                header = true;
                i++; // the |---| line
                continue;
            }

            if (cells.Length != 5)
            {
                throw new FeedException($"{where}: expected 5 cells, found {cells.Length}: {line}");
            }

            if (!ModelName().IsMatch(cells[0]))
            {
                throw new FeedException($"{where}: '{cells[0]}' is not a model name");
            }

            string lifecycle = Lifecycles.FirstOrDefault(l => l.Equals(cells[2], StringComparison.OrdinalIgnoreCase))
                ?? throw new FeedException($"{where}: unknown lifecycle '{cells[2]}' (expected {string.Join(", ", Lifecycles)})");
            DateTime? retires = IsNone(cells[3]) ? null
                : DateTime.TryParseExact(cells[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2015 and <= 2100 ? day
                : throw new FeedException($"{where}: '{cells[3]}' is not a retirement date (yyyy-MM-dd)");
            rows.Add(new AzureScheduleRow(cells[0], IsNone(cells[1]) ? "" : cells[1], lifecycle, retires, IsNone(cells[4]) ? null : cells[4], i + 1));
        }

        return rows.Count > 0 ? (rows, pageDate) : throw new FeedException($"{path}: the \"### Azure OpenAI\" section has no table rows");
    }

    private static bool IsNone(string cell) => cell is "" or "—" or "-" or "–" or "n/a";

    [GeneratedRegex(@"^ms\.date:\s*(?<date>\d{2}/\d{2}/\d{4})")]
    private static partial Regex MsDate();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    private static partial Regex ModelName();
}

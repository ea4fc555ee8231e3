using System.Globalization;
using System.Text;

namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>What an import would write and why.</summary>
internal sealed class UpdateResult
{
    /// <summary>The overlay's text, set once the import is built.</summary>
    public string OverlayText { get; set; } = "";

    public List<string> Added { get; } = new();

    public List<string> DatesChanged { get; } = new();

    public List<string> PricesChanged { get; } = new();

    public List<string> ReplacementsChanged { get; } = new();

    public List<string> Conflicts { get; } = new();

    /// <summary>What Microsoft's retirement schedule changed in the Azure data (dates, lifecycles, replacements, added versions).</summary>
    public List<string> AzureChanged { get; } = new();

    /// <summary>Entries or values the import did not write (unknown replacement, no kind known, the team's own entry).</summary>
    public List<string> NotWritten { get; } = new();

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"model-audit catalog update: {Added.Count} model(s) added, {DatesChanged.Count} date change(s), {PricesChanged.Count} price, limit or flag change(s), {ReplacementsChanged.Count} replacement change(s), {AzureChanged.Count} Azure schedule change(s); {Conflicts.Count} conflict(s) between feeds and the catalog; {NotWritten.Count} not written\n");
        Section("added", Added);
        Section("dates", DatesChanged);
        Section("prices, limits and flags", PricesChanged);
        Section("replacements", ReplacementsChanged);
        Section("Azure schedule", AzureChanged);
        Section("conflicts (which value won, and why)", Conflicts);
        Section("not written", NotWritten);
        return text.ToString();

        void Section(string title, List<string> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }

            text.Append(CultureInfo.InvariantCulture, $"{title}:\n");
            foreach (string line in lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }
    }
}

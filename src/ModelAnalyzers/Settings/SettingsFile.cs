using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>A settings file of the compilation's inputs, read once: its text, every string value in it, and where it breaks when it is not JSON.</summary>
internal sealed record SettingsFile(AdditionalText File, SourceText Text, IReadOnlyList<SettingValue> Values, Catalog.JsonReaderException? Problem)
{
    /// <summary>Where a fix edits a value: the JSON string, quotes included.</summary>
    public Location LocationOf(SettingValue value) => AdditionalFileLocation.OfJsonString(File.Path, Text, value.Line, value.Column);
}

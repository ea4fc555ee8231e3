using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelAnalyzers.Settings;

/// <summary>A settings file of the compilation's inputs, read once: its text and every string value in it.</summary>
internal sealed record SettingsFile(AdditionalText File, SourceText Text, IReadOnlyList<SettingValue> Values)
{
    /// <summary>Where a fix edits a value: the JSON string, quotes included.</summary>
    public Location LocationOf(SettingValue value) => AdditionalFileLocation.OfJsonString(File.Path, Text, value.Line, value.Column);
}

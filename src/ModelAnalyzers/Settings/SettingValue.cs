namespace ModelAnalyzers.Settings;

/// <summary>A string value found in a JSON settings file, with its key and 1-based position.</summary>
internal readonly record struct SettingValue(string Key, string Value, int Line, int Column);

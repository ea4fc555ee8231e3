namespace ModelAnalyzers.Settings;

/// <summary>A string value found in a settings file, with its key, its configuration path and its 1-based position.</summary>
/// <param name="Key">The last key of the value's path (ChatModel).</param>
/// <param name="Path">
/// The configuration key the value sets (Ai:ChatModel): its path in appsettings; in launchSettings.json an environment
/// variable's name with <c>__</c> read as <c>:</c>.
/// </param>
internal readonly record struct SettingValue(string Key, string Value, int Line, int Column, string Path);

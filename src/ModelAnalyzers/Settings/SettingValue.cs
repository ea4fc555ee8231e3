namespace ModelAnalyzers.Settings;

/// <summary>A string value found in a JSON settings file, with its key and 1-based position.</summary>
internal readonly struct SettingValue
{
    public SettingValue(string key, string value, int line, int column)
    {
        Key = key;
        Value = value;
        Line = line;
        Column = column;
    }

    public string Key { get; }

    public string Value { get; }

    public int Line { get; }

    public int Column { get; }
}

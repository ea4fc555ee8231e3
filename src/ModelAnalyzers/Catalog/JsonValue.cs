using System;
using System.Collections.Generic;

namespace ModelAnalyzers.Catalog;

/// <summary>A parsed JSON value: null, bool, number, string, array or object (keys in document order).</summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind, object? value, int line, int column)
    {
        Kind = kind;
        Value = value;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    private object? Value { get; }

    /// <summary>1-based position of the value's first character, for diagnostics that point into the file.</summary>
    public int Line { get; }

    public int Column { get; }

    public string? AsString => Value as string;

    public double? AsNumber => Kind == JsonKind.Number ? (double)Value! : null;

    public bool? AsBool => Kind == JsonKind.Bool ? (bool)Value! : null;

    public IReadOnlyList<JsonValue> Items => Value as List<JsonValue> ?? (IReadOnlyList<JsonValue>)Array.Empty<JsonValue>();

    public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties =>
        Value as List<KeyValuePair<string, JsonValue>> ?? (IReadOnlyList<KeyValuePair<string, JsonValue>>)Array.Empty<KeyValuePair<string, JsonValue>>();

    /// <summary>The last property with this name (JSON readers conventionally let a later duplicate win).</summary>
    public JsonValue? this[string name]
    {
        get
        {
            JsonValue? found = null;
            foreach (var property in Properties)
            {
                if (property.Key == name)
                {
                    found = property.Value;
                }
            }

            return found;
        }
    }

    internal static JsonValue Create(JsonKind kind, object? value, int line, int column) => new(kind, value, line, column);
}

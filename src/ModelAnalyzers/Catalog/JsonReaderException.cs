using System;

namespace ModelAnalyzers.Catalog;

/// <summary>Thrown for malformed JSON; carries the 1-based position so callers can report it in the file.</summary>
internal sealed class JsonReaderException : Exception
{
    public JsonReaderException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}

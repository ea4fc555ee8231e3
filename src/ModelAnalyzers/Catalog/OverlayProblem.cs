namespace ModelAnalyzers.Catalog;

/// <summary>A problem in an overlay file, with its 1-based position, reported as MDL0901.</summary>
internal sealed record OverlayProblem(string Path, int Line, int Column, string Message);

using System;
using Microsoft.CodeAnalysis;
using ModelAnalyzers.Judgement;

namespace ModelAnalyzers.PerCompilation;

/// <summary>A model value that reaches a site (a literal in code, or a linked settings value) and its verdict (null: fine).</summary>
/// <param name="Source">The tree or additional file that holds it: with the span, what makes a finding one finding.</param>
/// <param name="AsOf">The date it was judged at (its file's options).</param>
internal readonly record struct JudgedValue(Location Location, object Source, string Value, Verdict? Verdict, DateTime AsOf)
{
    public (object Source, Microsoft.CodeAnalysis.Text.TextSpan Span) Key => (Source, Location.SourceSpan);
}

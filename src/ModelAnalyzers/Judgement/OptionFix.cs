namespace ModelAnalyzers.Judgement;

/// <summary>How MDL0004's fix mends a rejected option.</summary>
internal enum OptionFix
{
    Remove,
    Rename,
    Lower,
}

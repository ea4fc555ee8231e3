namespace ModelAnalyzers.Cli.CatalogUpdate;

/// <summary>A feed that cannot be used: where, and why. Nothing is written when any feed has one.</summary>
internal sealed class FeedException : Exception
{
    public FeedException(string message)
        : base(message)
    {
    }
}

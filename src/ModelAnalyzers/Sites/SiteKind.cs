namespace ModelAnalyzers.Sites;

internal enum SiteKind
{
    Model,
    ApiKey,
}

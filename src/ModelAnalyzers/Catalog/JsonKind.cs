namespace ModelAnalyzers.Catalog;

internal enum JsonKind
{
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

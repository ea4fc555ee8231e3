using System;

namespace ModelAnalyzers.Catalog;

/// <summary>A price that starts on a date (a promotion ends, a price drops); null fields keep the entry's own price.</summary>
internal sealed record PricePeriod(DateTime From, double? InputPer1M, double? CachedInputPer1M, double? OutputPer1M);

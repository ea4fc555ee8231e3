using System;

namespace ModelAnalyzers.PerCompilation;

/// <summary>
/// Computes a result once. Not a Lazy: a Lazy caches the exception of a cancelled first caller, and the other
/// analyzer would then throw another analysis's cancellation. Here a cancelled computation leaves nothing behind and
/// the next caller computes it with its own token; later callers wait instead of repeating the work.
/// </summary>
internal sealed class Once<T>
    where T : class
{
    private readonly object _gate = new();
    private T? _result;

    public T Get(Func<T> compute)
    {
        lock (_gate)
        {
            return _result ??= compute();
        }
    }
}

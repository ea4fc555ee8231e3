namespace ModelAnalyzers.Cli;

/// <summary>Progress lines on stderr for people watching a terminal; silent when stderr is redirected (CI logs, tests).</summary>
internal sealed class Progress
{
    private readonly TextWriter _error;
    private readonly bool _enabled;

    public Progress(TextWriter error, bool enabled)
    {
        _error = error;
        _enabled = enabled;
    }

    /// <summary>A problem the user must see (a usage file left out): always written, terminal or not.</summary>
    public void Warn(string message) => _error.WriteLine("model-audit: " + message);

    public void Report(string message)
    {
        if (_enabled)
        {
            _error.WriteLine("model-audit: " + message);
        }
    }
}

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// An <see cref="ILogit"/> that keeps every entry in memory instead of writing a log: used by
/// <c>--check</c> (which must write no log) and by tests.
/// </summary>
internal sealed class CollectingLogit : ILogit
{
    private readonly Lock _gate = new();
    private readonly List<(string Flags, string Text)> _entries = [];

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<(string Flags, string Text)> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>All texts joined as they would follow each other in a log file (no prefixes).</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Concat(_entries.Select(entry => entry.Text));
            }
        }
    }

    public void Write(string flags, string text)
    {
        lock (_gate)
        {
            _entries.Add((flags ?? string.Empty, text ?? string.Empty));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace Statmgr.Stress;

/// <summary>
/// Follows statmgr's log files (statmgr_*.log in EW_LOG) from a thread of its own, noting when
/// each complete line first appeared. The poll interval is the precision of those moments.
/// </summary>
internal sealed class LogFollower : IDisposable
{
    private readonly string _directory;
    private readonly TimeSpan _interval;
    private readonly Dictionary<string, long> _offsets = new();
    private readonly Dictionary<string, string> _partial = new();
    private readonly List<LogLine> _lines = new();
    private readonly Thread _thread;
    private volatile bool _stop;

    public LogFollower(string directory, TimeSpan interval)
    {
        _directory = directory;
        _interval = interval;
        _thread = new Thread(Follow) { IsBackground = true, Name = "log follower" };
        _thread.Start();
    }

    /// <summary>Every line so far.</summary>
    public List<LogLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public int LineCount
    {
        get
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>Lines holding <paramref name="part"/>, from line <paramref name="from"/> on.</summary>
    public int Count(string part, int from = 0)
    {
        lock (_lines)
        {
            var n = 0;
            for (var i = from; i < _lines.Count; i++)
            {
                if (_lines[i].Text.Contains(part, StringComparison.Ordinal))
                {
                    n++;
                }
            }
            return n;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for statmgr's startup report; throws when it does not come.</summary>
    public void WaitForStartup(TimeSpan timeout) =>
        _ = WaitFor(l => l.Contains("statmgr Program starting.", StringComparison.Ordinal), timeout)
            ?? throw new InvalidOperationException("statmgr did not start");

    /// <summary>The first line from line <paramref name="from"/> on that matches, waiting up to <paramref name="timeout"/>.</summary>
    public LogLine? WaitFor(Func<string, bool> match, TimeSpan timeout, int from = 0)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
            {
                for (var i = from; i < _lines.Count; i++)
                {
                    if (match(_lines[i].Text))
                    {
                        return _lines[i];
                    }
                }
            }
            if (clock.Elapsed > timeout)
            {
                return null;
            }
            Thread.Sleep(_interval);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Follow()
    {
        var buffer = new byte[1 << 16];
        while (!_stop)
        {
            if (Directory.Exists(_directory))
            {
                foreach (var file in Directory.EnumerateFiles(_directory, "statmgr_*.log").Order(StringComparer.Ordinal))
                {
                    ReadNew(file, buffer);
                }
            }
            Thread.Sleep(_interval);
        }
    }

    private void ReadNew(string file, byte[] buffer)
    {
        var offset = _offsets.GetValueOrDefault(file);
        if (new FileInfo(file).Length <= offset)
        {
            return;
        }
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Position = offset;
        var text = new StringBuilder(_partial.GetValueOrDefault(file, ""));
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            text.Append(Encoding.Latin1.GetString(buffer, 0, read));
            offset += read;
        }
        _offsets[file] = offset;
        var seen = DateTimeOffset.UtcNow;
        var all = text.ToString();
        var end = all.LastIndexOf('\n');
        _partial[file] = all[(end + 1)..];
        if (end < 0)
        {
            return;
        }
        lock (_lines)
        {
            foreach (var line in all[..end].Split('\n'))
            {
                _lines.Add(new LogLine(seen, line));
            }
        }
    }
}

using System.Text;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

/// <summary>What a reload has answered so far.</summary>
internal enum ReloadAnswer
{
    NotYet,
    Done,
    Refused,
}

/// <summary>
/// Reads a running statmgr's daily log from where it ended before the SIGHUP, for <c>--reload</c>:
/// keeps every line from the first <c>statmgr: SIGHUP: reloading</c> on, until <c>statmgr: reload done</c>
/// or <c>statmgr: reload refused...</c>. At midnight (UTC, as logit names its files) it reads the old
/// day's file to its end, then the new one from its start. Each <see cref="Poll"/> reads what is
/// new and never waits, so the caller owns the pace.
/// </summary>
internal sealed class ReloadLogFollower
{
    public const string ReloadingLine = "statmgr: SIGHUP: reloading ";
    public const string DoneLine = "statmgr: reload done";
    public const string RefusedLine = "statmgr: reload refused";

    private readonly string _directory;
    private readonly string _programName;
    private readonly TimeProvider _time;
    private readonly List<string> _lines = new();
    private readonly List<byte> _partial = new();
    private string _date;
    private long _offset;
    private bool _started;

    /// <param name="directory">The log directory as logit uses it (<see cref="LogFileName.Directory"/>).</param>
    public ReloadLogFollower(string directory, string programName, TimeProvider time)
    {
        _directory = directory;
        _programName = programName;
        _time = time;
        _date = LogFileName.DateStamp(time.GetUtcNow());
        _offset = LengthOf(CurrentPath);
    }

    /// <summary>Today's file, the one being followed.</summary>
    public string CurrentPath => _directory + _programName + "_" + _date + ".log";

    /// <summary>The reload's lines so far, as logged (time stamp included).</summary>
    public IReadOnlyList<string> Lines => _lines;

    public ReloadAnswer Answer { get; private set; }

    public ReloadAnswer Poll()
    {
        if (Answer != ReloadAnswer.NotYet)
        {
            return Answer;
        }
        ReadNew();
        var today = LogFileName.DateStamp(_time.GetUtcNow());
        if (Answer == ReloadAnswer.NotYet && today != _date)
        {
            _date = today;
            _offset = 0;
            _partial.Clear();
            ReadNew();
        }
        return Answer;
    }

    private void ReadNew()
    {
        byte[] fresh;
        try
        {
            using var stream = new FileStream(CurrentPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
            {
                // Truncated or replaced: start again at its beginning.
                _offset = 0;
            }
            stream.Position = _offset;
            fresh = new byte[stream.Length - _offset];
            stream.ReadExactly(fresh);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not there yet (a new day's first entry is still to come) or unreadable for now.
            return;
        }
        _offset += fresh.Length;
        foreach (var b in fresh)
        {
            if (b != (byte)'\n')
            {
                _partial.Add(b);
                continue;
            }
            Take(Encoding.UTF8.GetString(_partial.ToArray()));
            _partial.Clear();
            if (Answer != ReloadAnswer.NotYet)
            {
                return;
            }
        }
    }

    private void Take(string line)
    {
        var text = WithoutTimeStamp(line);
        if (!_started)
        {
            _started = text.StartsWith(ReloadingLine, StringComparison.Ordinal);
            if (!_started)
            {
                return;
            }
        }
        _lines.Add(line);
        if (text == DoneLine)
        {
            Answer = ReloadAnswer.Done;
        }
        else if (text.StartsWith(RefusedLine, StringComparison.Ordinal))
        {
            Answer = ReloadAnswer.Refused;
        }
    }

    /// <summary>The text after logit's <c>YYYYMMDD_UTC_hh:mm:ss </c> prefix (lines without one are kept whole).</summary>
    internal static string WithoutTimeStamp(string line)
    {
        const string sample = "20240305_UTC_17:02:11 ";
        var stamped = line.Length >= sample.Length
                      && line.AsSpan(8, 5).SequenceEqual("_UTC_")
                      && line[sample.Length - 1] == ' '
                      && line.AsSpan(0, 8).ContainsAnyExceptInRange('0', '9') == false;
        return stamped ? line[sample.Length..] : line;
    }

    private static long LengthOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

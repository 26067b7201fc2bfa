using System.Text.Json;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Status;

/// <summary>
/// Keeps the status file up to date from the board, on a thread of its own (never the main loop,
/// so a slow or full disk cannot delay a heartbeat check). It writes when what the snapshot says
/// changed, the fields that only move with the clock aside, and at least every
/// <see cref="RefreshInterval"/>, so that the pass time inside tells a reader whether statmgr is
/// still going round. Each write goes to a temp file in the same directory that is then renamed
/// over the file: a reader sees the old file or the new one, never part of one. A failed write is
/// logged once, and once more when writing works again; monitoring goes on either way.
/// </summary>
internal sealed class StatusFileWriter : IDisposable
{
    /// <summary>
    /// The longest the file goes unwritten while statmgr runs: half of the age at which
    /// <c>--status</c> calls statmgr stuck, so a live statmgr never looks stuck.
    /// </summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the thread looks at the board: a new snapshot comes at most once a second. A plain
    /// timed wait, not a timer: a timer would start the thread pool in a statmgr that needs none.
    /// </summary>
    public static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Added to the file's path for the temp file the next content is written to.</summary>
    public const string TempSuffix = ".tmp";

    public const string ThreadName = "statmgr status file";

    private readonly StatusBoard _board;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;
    private readonly ManualResetEventSlim _stopping = new();
    private Thread? _thread;
    private bool _stopped;

    // Only the writing thread (or Stop, once it has ended) touches these.
    private StatusSnapshot? _compared;
    private byte[] _writtenContent = [];
    private long? _lastAttempt;
    private bool _failing;

    public StatusFileWriter(StatusBoard board, string path, ILogit logit)
    {
        _board = board;
        _logit = logit;
        _time = board.Time;
        FilePath = path;
    }

    public string FilePath { get; }

    public string TempPath => FilePath + TempSuffix;

    /// <summary>Starts the writing thread.</summary>
    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = ThreadName };
        _thread.Start();
    }

    /// <summary>Ends the thread, writes the last snapshot whatever it says, and removes the temp file.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        _stopping.Set();
        _thread?.Join();
        if (_board.Latest is { } last)
        {
            Write(last, Content(last));
        }
        try
        {
            File.Delete(TempPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind after a failed write; the next start writes over it.
        }
    }

    public void Dispose()
    {
        Stop();
        _stopping.Dispose();
    }

    /// <summary>
    /// One look at the board: writes the latest snapshot when it says something new, or when the
    /// last write (or failed try) is <see cref="RefreshInterval"/> old. True when it wrote.
    /// </summary>
    internal bool WriteIfDue()
    {
        var snapshot = _board.Latest;
        if (snapshot is null)
        {
            return false;
        }
        bool refresh = _lastAttempt is not long last || _time.GetElapsedTime(last) >= RefreshInterval;
        if (!refresh && ReferenceEquals(snapshot, _compared))
        {
            return false;
        }
        _compared = snapshot;
        var content = Content(snapshot);
        return (refresh || !content.AsSpan().SequenceEqual(_writtenContent)) && Write(snapshot, content);
    }

    private void Run()
    {
        while (!_stopping.Wait(LookInterval))
        {
            WriteIfDue();
        }
    }

    private bool Write(StatusSnapshot snapshot, byte[] content)
    {
        _lastAttempt = _time.GetTimestamp();
        try
        {
            using (var stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, snapshot, StatusJson.Default.StatusSnapshot);
                stream.WriteByte((byte)'\n');
            }
            File.Move(TempPath, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (!_failing)
            {
                _failing = true;
                _logit.Write("et", $"statmgr: cannot write the status file {FilePath}: {ex.Message.ReplaceLineEndings(" ")}; monitoring goes on\n");
            }
            return false;
        }
        _writtenContent = content;
        if (_failing)
        {
            _failing = false;
            _logit.Write("et", $"statmgr: the status file {FilePath} is written again\n");
        }
        return true;
    }

    /// <summary>What the snapshot says, without the fields that move with the clock alone (the times of taking and of the last pass, heartbeat ages).</summary>
    private static byte[] Content(StatusSnapshot snapshot)
    {
        var timeless = snapshot with
        {
            TakenAt = default,
            Statmgr = snapshot.Statmgr with { LastPass = default },
            Modules = snapshot.Modules.Select(static module => module with { HeartbeatAgeSeconds = 0 }).ToArray(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(timeless, StatusJson.Default.StatusSnapshot);
    }
}

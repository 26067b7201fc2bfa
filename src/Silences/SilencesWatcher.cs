using System.Globalization;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Silences;

/// <summary>
/// Watches the silences file on a thread of its own, so that no file is read on the main loop: a
/// few times a second it looks at the file's length and time of change and reads it again when
/// either moved, then publishes the silences it holds as one immutable list the loop takes
/// whenever it likes. A file that cannot be read or trusted is said once; the silences read
/// before stay published until the file is good again, which is said too. Monitoring never
/// waits for it and never stops because of it.
/// </summary>
internal sealed class SilencesWatcher : IDisposable
{
    /// <summary>How often the thread looks at the file: a change is seen well within a second.</summary>
    public static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(250);

    public const string ThreadName = "statmgr silences";

    private readonly ILogit _logit;
    private readonly ManualResetEventSlim _stopping = new();
    private Thread? _thread;
    private volatile IReadOnlyList<Silence> _latest = [];

    // Only the watching thread (or a test calling Poll) touches these.
    private (long Length, DateTime Changed)? _seen;
    private bool _looked;
    private bool _failing;

    public SilencesWatcher(string path, ILogit logit)
    {
        FilePath = path;
        _logit = logit;
    }

    public string FilePath { get; }

    /// <summary>The silences of the last good reading of the file (none before the first, or without a file).</summary>
    public IReadOnlyList<Silence> Latest => _latest;

    /// <summary>Reads the file once, then starts the thread that watches it.</summary>
    public void Start()
    {
        Poll();
        _thread = new Thread(Watch) { IsBackground = true, Name = ThreadName };
        _thread.Start();
    }

    /// <summary>One look at the file: read and publish it when its length or time of change moved since the last look.</summary>
    public void Poll()
    {
        (long, DateTime)? now = null;
        try
        {
            var info = new FileInfo(FilePath);
            now = info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Looked at again next time; reading it says what is wrong.
        }
        // A file that failed is read again at every look: a fix that moves neither length nor
        // time (a chmod) must be seen too.
        if (_looked && now == _seen && !_failing)
        {
            return;
        }
        _looked = true;
        _seen = now;
        var reading = SilencesFile.Read(FilePath);
        if (reading.Document is { } document)
        {
            _latest = document.Silences;
            if (_failing)
            {
                _failing = false;
                _logit.Write("et", $"statmgr: silences file {FilePath} read again\n");
            }
            return;
        }
        if (!_failing)
        {
            _failing = true;
            _logit.Write("et", string.Create(CultureInfo.InvariantCulture,
                $"statmgr: silences file {FilePath} not read ({reading.Problem}); keeping the {_latest.Count} silences read before\n"));
        }
    }

    private void Watch()
    {
        while (!_stopping.Wait(LookInterval))
        {
            Poll();
        }
    }

    public void Dispose()
    {
        _stopping.Set();
        _thread?.Join();
        _stopping.Dispose();
    }
}

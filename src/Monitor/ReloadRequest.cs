using Statmgr.Earthworm.Logging;

namespace Statmgr.Monitor;

/// <summary>
/// Between SIGHUP and the main loop. <see cref="Request"/>, safe from a signal handler's thread,
/// starts a reading of the configuration on a thread of its own, so the loop never waits for a
/// file; SIGHUPs that come while a reading is under way fold into one more reading after it. A
/// finished reading waits in one volatile slot until the loop takes it between two passes; the
/// next reading starts only once the loop has taken it, so every "reloading" line the log gets
/// is followed by that reading's own "done" or "refused".
/// </summary>
internal sealed class ReloadRequest
{
    private const int Idle = 0;
    private const int Reading = 1;
    private const int ReadingAndAskedAgain = 2;

    private readonly string _configPath;
    private readonly Func<ReloadReading> _read;
    private readonly Action _wake;
    private readonly ILogit _logit;
    private int _state;
    private ReloadReading? _finished;

    // Set when the loop has taken the reading last published (setting an event allocates nothing).
    private readonly ManualResetEventSlim _taken = new(true);

    /// <param name="read">One whole reading; it runs off the loop and may take long (startstop's ring list waits up to 29 s).</param>
    /// <param name="wake">Ends the loop's wait, so a finished reading is applied at once.</param>
    public ReloadRequest(string configPath, Func<ReloadReading> read, Action wake, ILogit logit)
    {
        _configPath = configPath;
        _read = read;
        _wake = wake;
        _logit = logit;
    }

    /// <summary>Asks for a reading: one starts now, or one more after the one under way.</summary>
    public void Request()
    {
        while (true)
        {
            int state = Volatile.Read(ref _state);
            if (state == Idle)
            {
                if (Interlocked.CompareExchange(ref _state, Reading, Idle) == Idle)
                {
                    new Thread(ReadUntilNoneAsked) { IsBackground = true, Name = "statmgr reload" }.Start();
                    return;
                }
            }
            else if (Interlocked.CompareExchange(ref _state, ReadingAndAskedAgain, state) == state)
            {
                return;
            }
        }
    }

    /// <summary>The finished reading, once; null (and nothing allocated) when there is none.</summary>
    public ReloadReading? TakeFinished()
    {
        if (Volatile.Read(ref _finished) is null)
        {
            return null;
        }
        var reading = Interlocked.Exchange(ref _finished, null);
        _taken.Set();
        return reading;
    }

    /// <summary>Hands a finished reading to the loop and wakes it (tests hand theirs here too).</summary>
    public void Publish(ReloadReading reading)
    {
        _taken.Reset();
        Volatile.Write(ref _finished, reading);
        _wake();
    }

    private void ReadUntilNoneAsked()
    {
        do
        {
            // The reading before must be applied (or refused) first: its outcome is logged before this one starts.
            _taken.Wait();
            _logit.Write("et", $"statmgr: SIGHUP: reloading {_configPath}\n");
            ReloadReading reading;
            try
            {
                reading = _read();
            }
            catch (Exception ex)
            {
                // This thread must never end the process: a reading that fails is a refused reload.
                reading = ReloadReading.Failed(_configPath, $"statmgr: {ex.Message}");
            }
            Publish(reading);
        }
        while (Interlocked.CompareExchange(ref _state, Idle, Reading) != Reading && Interlocked.Exchange(ref _state, Reading) != Idle);
    }
}

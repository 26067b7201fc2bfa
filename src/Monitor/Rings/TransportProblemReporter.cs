using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// Turns a getmsg status other than OK into statmgr error 4 (missed messages; every "missed"
/// variant), 5 (too big: the message is skipped) or 6 (tracking limit), with C's texts.
/// </summary>
internal sealed class TransportProblemReporter
{
    private readonly OwnErrorReporter _own;
    private readonly WaitPlanner _planner;
    private readonly bool _multiRing;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;

    public TransportProblemReporter(OwnErrorReporter own, WaitPlanner planner, bool multiRing, ILogit logit, TimeProvider time)
    {
        _own = own;
        _planner = planner;
        _multiRing = multiRing;
        _logit = logit;
        _time = time;
    }

    /// <summary>Reports the status; true when the message that came with it is still to be used.</summary>
    public bool Report(MonitoredRing ring, GetStatus status, Logo logo, int length)
    {
        short number;
        string note;
        switch (status)
        {
            case GetStatus.TooBig:
                number = StatmgrError.TooBig;
                note = string.Create(CultureInfo.InvariantCulture,
                    $"msg[{length}]  i{logo.Installation} m{logo.Module} t{logo.Type}  too large to retrieve");
                break;
            case GetStatus.NoTrack:
                number = StatmgrError.NoTrack;
                note = "transport.h NTRACK_GET exceeded";
                break;
            default:
                number = StatmgrError.MissedMessages;
                note = string.Create(CultureInfo.InvariantCulture,
                    $"Missed msg(s)  inst:{logo.Installation} mod:{logo.Module} typ:{logo.Type}  region:{ring.Ring.Key}");
                break;
        }
        if (!_own.TryReport(number, EpochClock.Now(_time), note))
        {
            _logit.Write("e", string.Create(CultureInfo.InvariantCulture, $"statmgr message tporterr: {number} status: {(int)status} not found\n"));
        }
        if (number == StatmgrError.MissedMessages && _multiRing)
        {
            LowerSleep(ring);
        }
        return status != GetStatus.TooBig;
    }

    private void LowerSleep(MonitoredRing ring)
    {
        int ceiling = _planner.LowerCeilingAfterMiss();
        _logit.Write("t", ceiling != WaitPlanner.ShortMs
            ? string.Create(CultureInfo.InvariantCulture, $"statmgr tport_getmsg missed messages in {ring.Name}: Lowering sleep_time, new value is {ceiling}\n")
            : $"statmgr tport_getmsg missed messages in {ring.Name}\n");
    }
}

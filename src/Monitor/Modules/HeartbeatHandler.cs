using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Messages;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// Applies one TYPE_HEARTBEAT: keep the pid, arm a restart, report "module
/// alive" for a dead module (stamped with the sender's time, or with <c>HeartbeatClock receive</c>
/// statmgr's), and restart its timer on the heartbeat clock; a sender's clock that is off is logged.
/// A time more than a day ahead of statmgr's clock is a decode error and moves nothing, so it
/// cannot put a module's death off.
/// </summary>
internal sealed class HeartbeatHandler
{
    public const string AliveText = "module alive";

    private readonly ReportDispatcher _reports;
    private readonly OwnErrorReporter _own;
    private readonly ILogit _logit;
    private readonly bool _debug;
    private readonly Func<byte, string?> _moduleName;
    private readonly TimeProvider _time;
    private readonly SenderTimeLimit _senderTime;
    private readonly AlertPolicy? _policy;
    private readonly HeartbeatClock _clock;
    private readonly HeartbeatSkewWatch _skew;

    /// <param name="policy">The alert policy rules, for modules that turn one on.</param>
    public HeartbeatHandler(ReportDispatcher reports, OwnErrorReporter own, ILogit logit, int debug, Func<byte, string?> moduleName, TimeProvider time,
        HeartbeatClock clock, HeartbeatSkewWatch skew, AlertPolicy? policy = null)
    {
        _policy = policy;
        _reports = reports;
        _own = own;
        _logit = logit;
        _debug = debug >= 1;
        _moduleName = moduleName;
        _time = time;
        _senderTime = new SenderTimeLimit(() => EpochClock.Now(time));
        _clock = clock;
        _skew = skew;
    }

    public void Handle(MonitoredRing ring, Logo logo, ModuleHealth module, ReadOnlySpan<byte> body)
    {
        if (_debug)
        {
            LogObserved(ring, logo, body);
        }
        if (!HeartbeatMessage.TryParse(body, logo.Module, _senderTime, out var heartbeat, out var decodeError))
        {
            _own.TryReport(StatmgrError.Decode, EpochClock.Now(_time), decodeError!);
            return;
        }
        long now = EpochClock.Now(_time);
        _skew.Check(module, heartbeat.Time, now);
        bool receive = _clock.ReadsOnReceipt;
        if (module.OnHeartbeat(heartbeat, ring, receive ? _clock.Now(now) : null))
        {
            module.MarkChanged(EpochClock.Now(_time));
            string? text = _policy is not null && module.Policy is { } policy ? _policy.OnAlive(module, policy, EpochClock.Now(_time)) : AliveText;
            if (text is not null)
            {
                _reports.ReportHealth(module.Descriptor, module.HeartbeatLimits, module.HeartbeatCounters, receive ? now : heartbeat.Time, text);
            }
        }
    }

    private void LogObserved(MonitoredRing ring, Logo logo, ReadOnlySpan<byte> body)
    {
        // The body's own final newline ends the line (C's line); whatever else it holds is shown on that line.
        string text = MessageText.Decode(MessageText.AsCString(body));
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }
        _logit.Write("t", string.Create(CultureInfo.InvariantCulture,
            $"Debug: HB Observed in ring {ring.DebugName}: inst:{logo.Installation} mod:{_moduleName(logo.Module) ?? "(null)"} typ:{logo.Type} msg: {VisibleText.OneLine(text)}\n"));
    }
}

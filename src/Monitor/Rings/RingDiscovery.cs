using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Messages;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// CheckAllRings discovery: ask startstop for its status with TYPE_REQSTATUS on
/// the RingName ring and read the ring list from its TYPE_STATUS answer, polling 29 times a
/// second apart. Failures are written to stdout with C's texts. Unlike C, a stop (signal or ring
/// flag) ends the polling at once instead of after up to 29 seconds, and ring entries left out of
/// the answer (see <see cref="StartstopStatusText"/>) are summed up in one log line.
/// </summary>
internal sealed class RingDiscovery
{
    public const int Polls = 29;

    /// <summary>C's MAX_BYTES_PER_EQ - 1.</summary>
    public const int StatusBufferBytes = 56_699;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1000);

    private readonly ITransportRing _ring;
    private readonly Logo _requestLogo;
    private readonly Logo _statusLogo;
    private readonly StopSource _stop;
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly ILogit _logit;

    /// <param name="ring">The RingName ring.</param>
    /// <param name="requestLogo">(local installation, MyModuleId, TYPE_REQSTATUS).</param>
    /// <param name="statusLogo">(local installation, 0, TYPE_STATUS).</param>
    /// <param name="stop">Asked before each wait (with the ring's flag): a stop ends discovery without an answer.</param>
    public RingDiscovery(ITransportRing ring, Logo requestLogo, Logo statusLogo, StopSource stop, TextWriter output, TextWriter error,
        ILogit logit)
    {
        _ring = ring;
        _requestLogo = requestLogo;
        _statusLogo = statusLogo;
        _stop = stop;
        _out = output;
        _error = error;
        _logit = logit;
    }

    /// <summary>True when the last <see cref="Discover"/> gave up because statmgr was told to stop.</summary>
    public bool Stopped { get; private set; }

    /// <summary>The rings startstop lists, or null when there is no usable answer.</summary>
    public IReadOnlyList<StartstopRing>? Discover()
    {
        SendStatusRequest();
        var buffer = new byte[StatusBufferBytes];
        ReadOnlySpan<Logo> wanted = [_statusLogo];
        for (int poll = 0; poll < Polls; poll++)
        {
            var status = _ring.GetMessage(wanted, buffer, out _, out int length);
            if (status == GetStatus.TooBig)
            {
                _out.Write("Earthworm is running, but the status msg is too big for me!\n");
                return null;
            }
            if (status != GetStatus.None)
            {
                var list = StartstopStatusText.ParseRings(MessageText.Decode(MessageText.AsCString(buffer.AsSpan(0, length))));
                if (list.Ignored is { } ignored)
                {
                    _logit.Write("et", $"statmgr: ignored in startstop's ring list: {ignored}\n");
                }
                var rings = list.Rings;
                // C accepts an answer without rings and then reads a ring that was never set up (B15).
                return rings.Count > 0 ? rings : null;
            }
            if (_stop.IsStopRequested([_ring]))
            {
                Stopped = true;
                return null;
            }
            _stop.Wait(PollInterval);
        }
        _out.Write("Earthworm may be hung; no response from startstop in 30 seconds while trying to get status message back.\n");
        return null;
    }

    private void SendStatusRequest()
    {
        // Old answers, meant for someone else, are thrown away first.
        ReadOnlySpan<Logo> wanted = [_statusLogo];
        Span<byte> scratch = stackalloc byte[16];
        while (_ring.GetMessage(wanted, scratch, out _, out _) != GetStatus.None)
        {
        }
        var request = MessageText.Encode(string.Create(CultureInfo.InvariantCulture, $"{_requestLogo.Module}\n"));
        if (_ring.Put(_requestLogo, request) != PutStatus.Ok)
        {
            _error.Write("status: Error sending message to transport region.\n");
        }
    }
}

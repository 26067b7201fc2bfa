using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// A transport ring for unit tests: messages queue in order, readers take the first one matching
/// a wanted logo (wildcard 0) and skip the rest for good, as tport_getmsg does. Hand-written,
/// not a substitute: it stores and hands out messages as a ring does, which the monitor's passes depend on.
/// </summary>
internal sealed class InMemoryRing : ITransportRing
{
    private readonly LinkedList<(Logo Logo, byte[] Body, GetStatus Status)> _queue = new();

    public InMemoryRing(string name, long key)
    {
        Name = name;
        Key = key;
    }

    public string Name { get; }
    public long Key { get; }
    public RingLayout Layout => RingLayout.Lp64;
    public int Flag { get; set; }
    public bool IsStale { get; set; }
    public string? LastProblem { get; set; }

    /// <summary>keymax: how many bytes of records the ring holds.</summary>
    public ulong KeyMax { get; set; } = 1024 * 1024;

    /// <summary>keyin: every byte of every record ever written (TPORT_HEAD is 16 bytes on LP64).</summary>
    public ulong KeyIn { get; private set; }

    /// <summary>Statuses GetMessage returns once, in order, before reading the queue (Corrupt, for example).</summary>
    public Queue<GetStatus> NextGetStatuses { get; } = new();
    public bool Disposed { get; private set; }
    public List<(Logo Logo, byte[] Body)> Puts { get; } = new();
    public PutStatus PutResult { get; set; } = PutStatus.Ok;

    /// <summary>Results for the next puts, in order, before <see cref="PutResult"/> applies.</summary>
    public Queue<PutStatus> NextPutResults { get; } = new();
    public int Flushes { get; private set; }

    /// <summary>Called on every Put (a stand-in for startstop or a module answering).</summary>
    public Action<Logo, byte[]>? OnPut { get; set; }

    /// <summary>
    /// Called when a Put that waits for the ring lock ends in LockTimeout: the wait a real ring
    /// would have spent (a test moves its fake clock by the lock's timed wait).
    /// </summary>
    public Action? AfterLockWait { get; set; }

    /// <summary>Puts that would have waited for a taken ring lock (Put), and those that would not (TryPut).</summary>
    public int WaitingPuts { get; set; }

    public int TriedPuts { get; set; }

    /// <summary>What the ring holds from the puts: the messages whose put returned Ok, in order.</summary>
    public List<(Logo Logo, byte[] Body)> Stored { get; } = new();

    /// <summary>Called before every GetMessage (a writer racing the reader).</summary>
    public Action? BeforeGet { get; set; }

    public void Enqueue(Logo logo, string body, GetStatus status = GetStatus.Ok) =>
        Enqueue(logo, Encoding.Latin1.GetBytes(body), status);

    public void Enqueue(Logo logo, byte[] body, GetStatus status = GetStatus.Ok)
    {
        _queue.AddLast((logo, body, status));
        KeyIn += (ulong)body.Length + 16;
    }

    /// <summary>Records that other writers put this many bytes (messages nobody here reads).</summary>
    public void AddTraffic(ulong bytes) => KeyIn += bytes;

    public int Waiting => _queue.Count;

    public void Beat(byte module, long time, string pid) =>
        Enqueue(MonitorHarness.From(module, MonitorHarness.Types.Heartbeat), $"{time} {pid}\n");

    public PutStatus Put(Logo logo, ReadOnlySpan<byte> body)
    {
        WaitingPuts++;
        var result = Store(logo, body);
        if (result == PutStatus.LockTimeout)
        {
            AfterLockWait?.Invoke();
        }
        return result;
    }

    public PutStatus TryPut(Logo logo, ReadOnlySpan<byte> body)
    {
        TriedPuts++;
        return Store(logo, body);
    }

    public List<string> StoredTexts(byte type) =>
        Stored.Where(p => p.Logo.Type == type).Select(p => Encoding.Latin1.GetString(p.Body)).ToList();

    public List<string> PutTexts(byte type) =>
        Puts.Where(p => p.Logo.Type == type).Select(p => Encoding.Latin1.GetString(p.Body)).ToList();

    public GetStatus GetMessage(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length)
    {
        BeforeGet?.Invoke();
        logo = default;
        length = 0;
        if (NextGetStatuses.TryDequeue(out var scripted))
        {
            return scripted;
        }
        while (_queue.First is { } node)
        {
            _queue.RemoveFirst();
            var (l, body, status) = node.Value;
            if (!Matches(wanted, l))
            {
                continue;
            }
            logo = l;
            length = body.Length;
            if (body.Length > buffer.Length)
            {
                return GetStatus.TooBig;
            }
            body.CopyTo(buffer);
            return status;
        }
        return GetStatus.None;
    }

    public GetStatus CopyFrom(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length, out byte sequence)
    {
        sequence = 0;
        return GetMessage(wanted, buffer, out logo, out length);
    }

    public void Flush(ReadOnlySpan<Logo> wanted)
    {
        Flushes++;
        var node = _queue.First;
        while (node is not null)
        {
            var next = node.Next;
            if (Matches(wanted, node.Value.Logo))
            {
                _queue.Remove(node);
            }
            node = next;
        }
    }

    public void SetFlag(int value) => Flag = value;

    public PutStatus CopyTo(Logo logo, ReadOnlySpan<byte> body, byte sequence) => Put(logo, body);

    public RingHeaderSnapshot ReadHeader() => new(checked((long)KeyMax + 40), KeyMax, KeyIn, KeyIn > KeyMax ? KeyIn - KeyMax : 0, Flag);

    public void Dispose() => Disposed = true;

    private PutStatus Store(Logo logo, ReadOnlySpan<byte> body)
    {
        var copy = body.ToArray();
        Puts.Add((logo, copy));
        KeyIn += (ulong)copy.Length + 16;
        OnPut?.Invoke(logo, copy);
        var result = NextPutResults.TryDequeue(out var next) ? next : PutResult;
        if (result == PutStatus.Ok)
        {
            Stored.Add((logo, copy));
        }
        return result;
    }

    private static bool Matches(ReadOnlySpan<Logo> wanted, Logo logo)
    {
        foreach (var w in wanted)
        {
            if ((w.Installation == 0 || w.Installation == logo.Installation)
                && (w.Module == 0 || w.Module == logo.Module)
                && (w.Type == 0 || w.Type == logo.Type))
            {
                return true;
            }
        }
        return false;
    }
}

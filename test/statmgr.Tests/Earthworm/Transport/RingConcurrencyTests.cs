using System.Buffers.Binary;
using System.Diagnostics;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// A writer thread laps lock-free readers on a tiny ring again and again: every delivered message
/// must be intact, in order, and reported Ok exactly when its sequence number follows the last one.
/// </summary>
public class RingConcurrencyTests : SystemVRingTestBase
{
    [TestCase("LP64")]
    [TestCase("ILP32")]
    public void LappedReadersNeverSeeTornMessages(string layoutName)
    {
        var layout = layoutName == "LP64" ? RingLayout.Lp64 : RingLayout.Ilp32;
        var key = Keys.Next();
        using var writerRing = SystemVRing.Create("RACE_RING", key, 4096, layout);
        using var getReader = SystemVRing.Attach("RACE_RING", key);
        using var copyReader = SystemVRing.Attach("RACE_RING", key);
        using var stop = new CancellationTokenSource();
        long written = 0;
        var writer = new Thread(() =>
        {
            var body = new byte[300];
            var random = new Random(5);
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var length = random.Next(8, body.Length);
                Fill(body.AsSpan(0, length), n);
                if (writerRing.Put(Heartbeat, body.AsSpan(0, length)) != PutStatus.Ok)
                {
                    return;
                }
                Volatile.Write(ref written, n + 1);
            }
        });
        writer.Start();

        var buffer = new byte[511];
        long lastGet = -1, lastCopy = -1, delivered = 0, misses = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(1) || delivered < 1000)
            {
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "too few messages arrived");
                var status = getReader.GetMessage([Logo.Wildcard], buffer, out _, out var length);
                if (status != GetStatus.None)
                {
                    var n = Check(buffer.AsSpan(0, length));
                    Assert.That(n, Is.GreaterThan(lastGet));
                    Assert.That(status, Is.EqualTo((byte)n == (byte)(lastGet + 1) || lastGet < 0 ? GetStatus.Ok : GetStatus.Miss), $"getmsg {n} after {lastGet}");
                    misses += status == GetStatus.Miss ? 1 : 0;
                    lastGet = n;
                    delivered++;
                }
                status = copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out length, out var seq);
                if (status != GetStatus.None)
                {
                    var n = Check(buffer.AsSpan(0, length));
                    Assert.That(n, Is.GreaterThan(lastCopy));
                    Assert.That(seq, Is.EqualTo((byte)n));
                    // A lap that lands between the reader's overrun check and its copy is only seen as a
                    // sequence gap; either status tells the caller what it needs: messages were lost.
                    Assert.That(status, Is.AnyOf(GetStatus.Ok, GetStatus.MissLapped, GetStatus.MissSeqGap), $"copyfrom {n} after {lastCopy}");
                    Assert.That(status == GetStatus.Ok, Is.EqualTo(seq == (byte)(lastCopy + 1) || lastCopy < 0), $"copyfrom {n} after {lastCopy}");
                    lastCopy = n;
                }
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
        Assert.That(Volatile.Read(ref written), Is.GreaterThan(delivered), "the writer lapped the readers");
        Assert.That(misses, Is.GreaterThan(0), "the readers were lapped at least once");
    }

    /// <summary>An 8-byte counter, then bytes derived from it, so a torn or misplaced body shows.</summary>
    private static void Fill(Span<byte> body, long n)
    {
        BinaryPrimitives.WriteInt64LittleEndian(body, n);
        for (var i = 8; i < body.Length; i++)
        {
            body[i] = (byte)(n + i);
        }
    }

    private static long Check(ReadOnlySpan<byte> body)
    {
        Assert.That(body.Length, Is.GreaterThanOrEqualTo(8));
        var n = BinaryPrimitives.ReadInt64LittleEndian(body);
        for (var i = 8; i < body.Length; i++)
        {
            if (body[i] != (byte)(n + i))
            {
                Assert.Fail($"message {n} is torn at byte {i}");
            }
        }
        return n;
    }
}

using System.Diagnostics;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Bench;

/// <summary>
/// Ring throughput: put and get for 64- and 1,000-byte bodies, skipping unwanted logos, and two
/// floors (a plain copy of the same bytes, and a walk that reads only each record's size).
/// MB/s counts body bytes. The ring is a real System V segment with a key far from Earthworm's.
/// </summary>
internal static class Program
{
    private const long RingBytes = 64L << 20;
    private static readonly Logo Wanted = new(6, 11, 3);
    private static readonly Logo Unwanted = new(6, 12, 3);

    public static int Main()
    {
        var key = 0x58000000L + ((Environment.ProcessId & 0xFFFF) << 8);
        var rows = new List<Row>();
        try
        {
            foreach (var bodySize in new[] { 64, 1000 })
            {
                rows.AddRange(Measure(key, bodySize));
            }
        }
        finally
        {
            SystemVRing.Destroy(key);
        }
        Print(rows);
        return 0;
    }

    private static List<Row> Measure(long key, int bodySize)
    {
        var rows = new List<Row>();
        using var ring = SystemVRing.Create("BENCH_RING", key, RingBytes);
        var body = new byte[bodySize];
        new Random(1).NextBytes(body);
        var perFill = (int)(ring.KeyMax / (ulong)(bodySize + ring.Layout.TportHeadSize)) - 1;

        // put: fill the ring once (unmeasured, so every measured put also evicts), then time puts.
        Fill(ring, Unwanted, body, perFill);
        var clock = Stopwatch.StartNew();
        long puts = 0;
        while (clock.ElapsedMilliseconds < 1000)
        {
            for (var i = 0; i < 10_000; i++)
            {
                ring.Put(Wanted, body);
            }
            puts += 10_000;
        }
        rows.Add(new Row("put", bodySize, puts, clock.Elapsed));

        // get: a ring full of wanted messages, read again and again until a second has passed. Each
        // pass uses a fresh reader (the code GetMessage runs) over the same mapping, because a
        // fresh attachment would mostly measure page faults on its new mapping.
        Fill(ring, Wanted, body, 2 * perFill);
        var buffer = new byte[bodySize];
        long gets = 0;
        clock.Restart();
        while (clock.ElapsedMilliseconds < 1000)
        {
            var reader = new RingReader(ring.Region, copyFrom: false);
            while (reader.Read([Wanted], buffer, copy: true, out _, out _, out _) == GetStatus.Ok)
            {
                gets++;
            }
        }
        rows.Add(new Row("get", bodySize, gets, clock.Elapsed));

        // skip: a ring full of messages nobody asked for (twice the ring, so no wanted one is left);
        // each GetMessage call walks all of them.
        Fill(ring, Unwanted, body, 2 * perFill);
        var held = ring.ReadHeader();
        var inRing = (long)((held.KeyIn - held.KeyOld) / (ulong)(bodySize + ring.Layout.TportHeadSize));
        long skipped = 0;
        clock.Restart();
        while (clock.ElapsedMilliseconds < 1000)
        {
            var reader = new RingReader(ring.Region, copyFrom: false);
            if (reader.Read([Wanted], buffer, copy: true, out _, out _, out _) != GetStatus.None)
            {
                throw new InvalidOperationException("a wanted message was left in the skip ring");
            }
            skipped += inRing;
        }
        rows.Add(new Row("skip unwanted logo", bodySize, skipped, clock.Elapsed));

        rows.Add(CopyFloor(ring, bodySize, perFill));
        rows.Add(WalkFloor(ring, bodySize));
        return rows;
    }

    /// <summary>Copies the same bodies out of the ring memory: no headers, no checks.</summary>
    private static Row CopyFloor(TransportRing ring, int bodySize, int perFill)
    {
        var memory = ring.MappedBytes;
        var buffer = new byte[bodySize];
        var recordSize = ring.Layout.TportHeadSize + bodySize;
        var firstBody = ring.Layout.ShmHeadSize + ring.Layout.TportHeadSize;
        long copied = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
        {
            for (var i = 0; i < perFill; i++)
            {
                memory.Slice(firstBody + i * recordSize, bodySize).CopyTo(buffer);
            }
            copied += perFill;
        }
        return new Row("floor: memory copy", bodySize, copied, clock.Elapsed);
    }

    /// <summary>Walks keyold..keyin reading only each record's size field.</summary>
    private static Row WalkFloor(TransportRing ring, int bodySize)
    {
        var memory = ring.MappedBytes;
        var layout = ring.Layout;
        var header = ring.ReadHeader();
        long walked = 0;
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 1000)
        {
            for (var position = header.KeyOld; position < header.KeyIn;)
            {
                var at = layout.ShmHeadSize + (int)(position % header.KeyMax);
                var size = BitConverter.ToInt64(memory.Slice(at + layout.SizeOffset, 8));
                position += (ulong)layout.TportHeadSize + (ulong)size;
                walked++;
            }
        }
        return new Row("floor: header walk", bodySize, walked, clock.Elapsed);
    }

    private static void Fill(TransportRing ring, Logo logo, byte[] body, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ring.Put(logo, body);
        }
    }

    private static void Print(List<Row> rows)
    {
        Console.WriteLine($"{"operation",-22} {"body",6} {"msgs/s",14} {"MB/s",10}");
        foreach (var row in rows)
        {
            var perSecond = row.Messages / row.Elapsed.TotalSeconds;
            Console.WriteLine($"{row.Operation,-22} {row.BodySize,6} {perSecond,14:N0} {perSecond * row.BodySize / 1e6,10:N1}");
        }
    }

    private readonly record struct Row(string Operation, int BodySize, long Messages, TimeSpan Elapsed);
}

using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>Put, get, copyfrom, flush and the flag allocate nothing once the logos are known.</summary>
public class RingAllocationTests : SystemVRingTestBase
{
    [Test]
    public void HotPathsDoNotAllocate()
    {
        using var ring = SystemVRing.Create("ALLOC_RING", Keys.Next(), 64 * 1024);
        using var reader = SystemVRing.Attach("ALLOC_RING", ring.Key);
        var body = new byte[100];
        var buffer = new byte[511];
        Logo[] wanted = [new Logo(1, 0, 3), new Logo(0, 0, 2)];
        RunOnce(ring, reader, body, buffer, wanted); // first calls create the table rows

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RunOnce(ring, reader, body, buffer, wanted);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.EqualTo(0));
    }

    private static void RunOnce(TransportRing ring, TransportRing reader, byte[] body, byte[] buffer, Logo[] wanted)
    {
        ring.Put(new Logo(1, 2, 3), body);
        ring.Put(new Logo(1, 2, 2), body);
        ring.Put(new Logo(1, 7, 9), body);
        reader.GetMessage(wanted, buffer, out _, out _);
        reader.GetMessage(wanted, buffer, out _, out _);
        reader.CopyFrom(wanted, buffer, out _, out _, out _);
        reader.Flush(wanted);
        _ = reader.Flag;
        _ = reader.ReadHeader();
    }
}

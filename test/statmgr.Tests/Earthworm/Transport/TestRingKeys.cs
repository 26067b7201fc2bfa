using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// System V keys for test rings, far from anything Earthworm uses (its keys are small numbers):
/// 0x57000000 + (pid mod 65536) * 256 + a counter, so concurrent test processes do not collide.
/// <see cref="DestroyAll"/> removes every segment and semaphore handed out.
/// </summary>
internal sealed class TestRingKeys
{
    private static int s_counter;
    private readonly List<long> _issued = [];

    /// <summary>A fresh key; a host that refuses System V rings ignores the calling test, with the reason.</summary>
    public long Next()
    {
        HostCapabilities.RequireSystemVIpc();
        var n = Interlocked.Increment(ref s_counter) & 0xFF;
        var key = 0x57000000L + ((Environment.ProcessId & 0xFFFF) << 8) + n;
        lock (_issued)
        {
            _issued.Add(key);
        }
        SystemVRing.Destroy(key); // a leftover from a crashed earlier run with the same pid
        return key;
    }

    public void DestroyAll()
    {
        lock (_issued)
        {
            foreach (var key in _issued)
            {
                SystemVRing.Destroy(key);
            }
            _issued.Clear();
        }
    }
}

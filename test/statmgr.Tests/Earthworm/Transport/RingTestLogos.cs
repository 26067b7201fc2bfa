using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>The logos the ring tests put: installation 1, module 2, a heartbeat (type 3) and an error (type 2).</summary>
internal static class RingTestLogos
{
    public static readonly Logo Heartbeat = new(1, 2, 3);
    public static readonly Logo Error = new(1, 2, 2);
}

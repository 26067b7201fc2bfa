using Statmgr.Earthworm.Transport;

namespace Statmgr.Notify;

/// <summary>
/// The port's second line after C's "Error sending ..." text when a put failed for a reason C
/// never had (ring lock held too long, ring gone, corrupt ring): what the ring said, naming it.
/// </summary>
internal static class PutFailureNote
{
    public static string? For(ITransportRing ring, PutStatus status) =>
        status is PutStatus.LockTimeout or PutStatus.LockFailed or PutStatus.Corrupt && ring.LastProblem is { } problem
            ? $"statmgr: {problem}\n"
            : null;
}

namespace Statmgr.Status.Http;

/// <summary>
/// How much the status listener gives its clients: a slow or hostile client can hold at most
/// <see cref="Connections"/> connections, each for at most <see cref="RequestDeadline"/>, and make
/// statmgr read at most <see cref="MaxHeadBytes"/> of its request. Tests shorten them.
/// </summary>
/// <param name="Connections">Connections served at once; further ones wait in the kernel's accept queue, holding nothing of statmgr's.</param>
/// <param name="RequestDeadline">From accepting a connection to having written its whole answer; then it is closed, answered or not.</param>
/// <param name="MaxHeadBytes">The request line and headers together; a longer head gets 431.</param>
/// <param name="Backlog">The kernel's accept queue: connections waiting for a free slot.</param>
internal sealed record StatusListenerLimits(int Connections, TimeSpan RequestDeadline, int MaxHeadBytes, int Backlog)
{
    /// <summary>
    /// Eight connections of five seconds each: Prometheus, a browser or two and an operator's curl
    /// never need more, and a scrape waiting behind eight stalled clients is served within five seconds.
    /// </summary>
    public static StatusListenerLimits Default { get; } = new(
        Connections: 8,
        RequestDeadline: TimeSpan.FromSeconds(5),
        MaxHeadBytes: 8 * 1024,
        Backlog: 64);
}

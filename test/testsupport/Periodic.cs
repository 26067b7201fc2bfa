namespace Statmgr.TestSupport;

/// <summary>
/// A loop that does its work once every period on the calling thread, on a fixed schedule (a late
/// round does not push the later ones back, unless it ran past a whole period): the beaters and
/// pollers of the tests and the stress tool keep their rate whatever one round costs.
/// </summary>
public static class Periodic
{
    /// <summary>Calls <paramref name="round"/> every <paramref name="period"/> until <paramref name="stop"/> says so.</summary>
    public static void Run(TimeSpan period, Func<bool> stop, Action round)
    {
        var next = DateTime.UtcNow;
        while (!stop())
        {
            round();
            next += period;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
            else
            {
                next = DateTime.UtcNow;
            }
        }
    }
}

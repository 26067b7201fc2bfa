namespace Statmgr.Stress;

/// <summary>
/// statmgr left running with modules beating: its CPU per minute over <see cref="Measured"/>
/// (after the warm-up), and its resident memory and thread count at the end of that time.
/// </summary>
internal sealed record IdleResult(double CpuMsPerMinute, double RssMb, int Threads, TimeSpan Measured)
{
    /// <summary>
    /// /proc counts CPU in 10 ms ticks: one tick over the measured time is the figure's
    /// resolution, in ms per minute (10 over a minute).
    /// </summary>
    public double TickMsPerMinute => 10 * 60 / Measured.TotalSeconds;

    /// <summary>Less than half a tick was counted: the figure is "under one tick", not a number.</summary>
    public bool CpuUnderOneTick => CpuMsPerMinute < TickMsPerMinute / 2;
}

namespace Statmgr.Stress;

/// <summary>
/// One flood run: the rate asked for and reached (the lowest of the rings), and what statmgr did
/// meanwhile; <see cref="MissedAtStart"/> counts the "Missed msg(s)" reports of the flood's first
/// two seconds, when statmgr may still be in an idle wait that began before the flood.
/// </summary>
internal sealed record FloodResult(int Rings, long Rate, double Reached, int FalseDeaths, int Missed, int MissedAtStart, double CpuPercent, TimeSpan Duration);

namespace Statmgr.Stress;

/// <summary>One flood run: the rate asked for and reached (per ring), and what statmgr did meanwhile.</summary>
public sealed record FloodResult(int Rings, long Rate, double Reached, int FalseDeaths, int Missed, double CpuPercent, TimeSpan Duration);

namespace Statmgr.EwSupervisor;

/// <summary>One child row of the status table: program name, pid, state, CPU time and arguments.</summary>
internal sealed record StatusChildRow(string Name, int Pid, ChildState State, TimeSpan CpuUsed, IReadOnlyList<string> Arguments);

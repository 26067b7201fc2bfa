namespace Statmgr.EwSupervisor;

/// <summary>What the status table says about a child, in startstop's words.</summary>
internal enum ChildState
{
    Alive,
    Dead,
    Stop,
    Restarting,
}

namespace Statmgr.Monitor;

/// <summary>statmgr's own error numbers, looked up in statmgr.desc (statmgr.md §5.5).</summary>
public static class StatmgrError
{
    public const short Startup = 0;
    public const short Shutdown = 1;
    public const short UnknownModule = 2;
    public const short Decode = 3;
    public const short MissedMessages = 4;
    public const short TooBig = 5;
    public const short NoTrack = 6;
}

namespace Statmgr.Monitor;

/// <summary>
/// statmgr's own error numbers: each is reported through the <c>err:</c> line with that number
/// in statmgr's own descriptor, and not at all when the descriptor lacks it.
/// </summary>
internal static class StatmgrError
{
    public const short Startup = 0;
    public const short Shutdown = 1;
    public const short UnknownModule = 2;
    public const short Decode = 3;
    public const short MissedMessages = 4;
    public const short TooBig = 5;
    public const short NoTrack = 6;
}

namespace Statmgr.Monitor;

/// <summary>The one place the main loop blocks: the idle wait, which a stop signal cuts short.</summary>
public interface IIdleWaiter
{
    void Wait(TimeSpan span);

    void Wake();
}

namespace Statmgr.Monitor;

/// <summary>C's <c>time(NULL)</c>: whole epoch seconds, here from the injected TimeProvider.</summary>
internal static class EpochClock
{
    public static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();
}

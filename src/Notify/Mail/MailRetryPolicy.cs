namespace Statmgr.Notify.Mail;

/// <summary>How long the mail queue keeps trying, and how much it holds, so a dead relay costs bounded memory and a bounded stop.</summary>
internal static class MailRetryPolicy
{
    /// <summary>Messages the queue holds at most; past that the oldest is dropped.</summary>
    public const int QueueCapacity = 1000;

    /// <summary>How long shutdown waits for the queue to empty.</summary>
    public static readonly TimeSpan ShutdownDrainLimit = TimeSpan.FromSeconds(10);

    /// <summary>Waits before each retry of a transient failure: 30 s, 1, 2, 4, 8 minutes, then give up.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(4),
        TimeSpan.FromMinutes(8),
    ];

    /// <summary>The wait after the given number of failed attempts, or null when it is time to give up.</summary>
    public static TimeSpan? DelayAfter(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= RetryDelays.Count ? RetryDelays[failedAttempts - 1] : null;
}

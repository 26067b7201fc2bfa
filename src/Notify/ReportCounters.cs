namespace Statmgr.Notify;

/// <summary>
/// How many pages and mails one heartbeat rule or error rule has used. Without LimitWindow they
/// are never reset while statmgr runs, so a used-up limit stays used up until restart (as in C);
/// with it, they start again at zero with each window. Beside them, for the status snapshot: the
/// reports sent, and those that lost a page or mail to a used-up limit.
/// </summary>
internal sealed class ReportCounters
{
    public int Pages { get; private set; }
    public int Mails { get; private set; }

    /// <summary>When the rule's current LimitWindow window opened (a TimeProvider timestamp); null before its first report.</summary>
    public long? WindowStart { get; private set; }

    /// <summary>Every report made, since the process started (the startup report included: <see cref="Reset"/> keeps it).</summary>
    public int Sent { get; private set; }

    /// <summary>Reports that would have paged or mailed but for a used-up limit (a limit of 0 means "never" and suppresses nothing).</summary>
    public int Suppressed { get; private set; }

    public void CountPage() => Pages++;

    public void CountMail() => Mails++;

    public void CountSent() => Sent++;

    public void CountSuppressed() => Suppressed++;

    /// <summary>A new LimitWindow window opened at <paramref name="timestamp"/>: the limits are whole again.</summary>
    public void StartWindow(long timestamp)
    {
        Pages = 0;
        Mails = 0;
        WindowStart = timestamp;
    }

    /// <summary>Startup, once its report is out: the limits start from nothing; the reports sent count on.</summary>
    public void Reset()
    {
        Pages = 0;
        Mails = 0;
        WindowStart = null;
    }
}

/// <summary>The <c>page:</c> and <c>mail:</c> limits of a heartbeat or error rule.</summary>
internal readonly record struct ReportLimits(int Page, int Mail);

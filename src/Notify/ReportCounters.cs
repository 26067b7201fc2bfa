namespace Statmgr.Notify;

/// <summary>
/// How many pages and mails one heartbeat rule or error rule has used. Never reset while
/// statmgr runs, so a used-up limit stays used up until restart (as in C).
/// </summary>
internal sealed class ReportCounters
{
    public int Pages { get; private set; }
    public int Mails { get; private set; }
    public int Suppressed { get; private set; }

    public void CountPage() => Pages++;

    public void CountMail() => Mails++;

    public void CountSuppressed() => Suppressed++;

    public void Reset()
    {
        Pages = 0;
        Mails = 0;
    }
}

/// <summary>The <c>page:</c> and <c>mail:</c> limits of a heartbeat or error rule.</summary>
internal readonly record struct ReportLimits(int Page, int Mail);

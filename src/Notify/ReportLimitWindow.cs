using System.Globalization;

namespace Statmgr.Notify;

/// <summary>
/// LimitWindow: a rule's <c>page:</c> and <c>mail:</c> limits count per window instead of per run,
/// so a module that fails again next month is reported again. A rule's window opens with its first
/// report and lasts the configured seconds on statmgr's monotonic clock (setting the wall clock
/// neither ends nor stretches it); the first report after it opens the next one, with the limits
/// whole again. A report that a used-up limit holds back is still logged, and says so.
/// </summary>
internal sealed class ReportLimitWindow
{
    /// <summary>
    /// Counters with nothing used, to ask the routing what a report would have done within its
    /// limits. Never counted: the dispatcher counts only a rule's own counters.
    /// </summary>
    public static readonly ReportCounters Unused = new();

    private readonly int _seconds;
    private readonly TimeSpan _length;
    private readonly TimeProvider _time;

    public ReportLimitWindow(int seconds, TimeProvider time)
    {
        _seconds = seconds;
        _length = TimeSpan.FromSeconds(seconds);
        _time = time;
    }

    /// <summary>Before a report: opens a new window for the rule when it has none or its window has ended.</summary>
    public void Open(ReportCounters counters)
    {
        long now = _time.GetTimestamp();
        if (counters.WindowStart is not long start || _time.GetElapsedTime(start, now) >= _length)
        {
            counters.StartWindow(now);
        }
    }

    /// <summary>
    /// The suffix for what <paramref name="delivery"/> holds back that <paramref name="withinLimits"/>
    /// (the same report with nothing used) would have done, or "" when the limits held nothing back.
    /// A limit of 0 never pages or mails, so it holds nothing back either.
    /// </summary>
    public string HeldBack(ReportLimits limits, Delivery delivery, Delivery withinLimits)
    {
        bool page = withinLimits.Page && !delivery.Page;
        bool mail = Mails(withinLimits) && !Mails(delivery);
        if (!page && !mail)
        {
            return "";
        }
        string pages = Count(limits.Page, "page");
        string mails = Count(limits.Mail, "mail");
        string what = page && mail ? $"not paged, not mailed: limit of {pages} and {mails}"
            : page ? $"not paged: limit of {pages}"
            : $"not mailed: limit of {mails}";
        return string.Create(CultureInfo.InvariantCulture, $" ({what} per {_seconds} s reached)");
    }

    /// <summary>A report mails, or at least claims to (C's legacy routing can do one without the other).</summary>
    private static bool Mails(Delivery delivery) => delivery.MailTo.Count > 0 || delivery.MailSuffix;

    private static string Count(int limit, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{limit} {noun}{(limit == 1 ? "" : "s")}");
}

using System.Globalization;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Silences;

namespace Statmgr.Notify;

/// <summary>
/// C's ReportHealth and ReportErr: compose the report, log it, page it, hand it to the mailer,
/// and count what was used, in that order. With LimitWindow, each rule's limits first get a new
/// window when theirs has ended, and what they hold back is said in the report and counted.
/// A report of a silenced module is logged, naming the silence, and goes no further: no page,
/// no mail, nothing counted against its limits or its window.
/// </summary>
internal sealed class ReportDispatcher
{
    private readonly ILogit _logit;
    private readonly Pager _pager;
    private readonly IMailSink _mail;
    private readonly IRecipientRouting _routing;
    private readonly IReadOnlyList<string> _configPageGroups;
    private readonly ReportLimitWindow? _window;
    private readonly Func<Descriptor, Silence?>? _silenceOf;

    /// <param name="window">LimitWindow's windows; null for C's limits, counted over the whole run.</param>
    /// <param name="silenceOf">The silence over a descriptor's reports now, if any; null: nothing is ever silenced.</param>
    public ReportDispatcher(ILogit logit, Pager pager, IMailSink mail, IRecipientRouting routing, IReadOnlyList<string> configPageGroups,
        ReportLimitWindow? window = null, Func<Descriptor, Silence?>? silenceOf = null)
    {
        _silenceOf = silenceOf;
        _logit = logit;
        _pager = pager;
        _mail = mail;
        _routing = routing;
        _configPageGroups = configPageGroups;
        _window = window;
    }

    /// <summary>A heartbeat report ("module dead", "module alive", ...) stamped with <paramref name="time"/>.</summary>
    public string ReportHealth(Descriptor descriptor, ReportLimits limits, ReportCounters counters, long time, string text)
    {
        if (_silenceOf?.Invoke(descriptor) is { } silence)
        {
            return LogSilenced(counters, ReportComposer.Health(time, descriptor, text, Silenced, silence.ReportSuffix()));
        }
        _window?.Open(counters);
        var delivery = _routing.ForHealth(descriptor, limits, counters);
        if (LostToLimit(delivery, limits, _routing.ForHealth(descriptor, Unlimited, counters)))
        {
            counters.CountSuppressed();
        }
        string heldBack = _window is null ? "" : _window.HeldBack(limits, delivery, _routing.ForHealth(descriptor, limits, ReportLimitWindow.Unused));
        return Dispatch(descriptor, counters, delivery, ReportComposer.Health(time, descriptor, text, delivery, heldBack));
    }

    /// <summary>An error report: the note if it has 4 or more characters, else the rule's text.</summary>
    public string ReportError(Descriptor descriptor, ErrorRule rule, ReportCounters counters, long time, string note)
    {
        if (_silenceOf?.Invoke(descriptor) is { } silence)
        {
            return LogSilenced(counters, ReportComposer.Error(time, descriptor, rule.Text, note, Silenced, silence.ReportSuffix()));
        }
        var limits = new ReportLimits(rule.Page, rule.Mail);
        _window?.Open(counters);
        var delivery = _routing.ForError(descriptor, limits, counters);
        if (LostToLimit(delivery, limits, _routing.ForError(descriptor, Unlimited, counters)))
        {
            counters.CountSuppressed();
        }
        string heldBack = _window is null ? "" : _window.HeldBack(limits, delivery, _routing.ForError(descriptor, limits, ReportLimitWindow.Unused));
        return Dispatch(descriptor, counters, delivery, ReportComposer.Error(time, descriptor, rule.Text, note, delivery, heldBack));
    }

    /// <summary>A silenced report's delivery: the log only.</summary>
    private static readonly Delivery Silenced = new(false, [], false, false);

    /// <summary>A silenced report: logged and counted as made, and nothing else (no limit, no window is touched).</summary>
    private string LogSilenced(ReportCounters counters, string text)
    {
        counters.CountSent();
        _logit.Write("e", text);
        return text;
    }

    /// <summary>Limits no counter can reach: what a report would have had if no limit were used up.</summary>
    private static readonly ReportLimits Unlimited = new(int.MaxValue, int.MaxValue);

    /// <summary>
    /// True when a page or mail the report would have had (<paramref name="unlimited"/>) was
    /// withheld because its limit is used up. A limit of 0 or below says "never" (or, in the
    /// legacy routing, sometimes "no limit"): nothing is used up there.
    /// </summary>
    private static bool LostToLimit(Delivery delivery, ReportLimits limits, Delivery unlimited) =>
        (unlimited.Page && !delivery.Page && limits.Page > 0)
        || (unlimited.MailTo.Count > 0 && delivery.MailTo.Count == 0 && limits.Mail > 0);

    private string Dispatch(Descriptor descriptor, ReportCounters counters, Delivery delivery, string text)
    {
        counters.CountSent();
        _logit.Write("e", text);
        if (delivery.Page)
        {
            var groups = descriptor.PageGroups.Count > 0 ? descriptor.PageGroups : _configPageGroups;
            int status = _pager.PageOut(groups, text);
            if (status != 0)
            {
                _logit.Write("et", string.Create(CultureInfo.InvariantCulture, $"statmgr: pageStatus: {status}\n"));
            }
            counters.CountPage();
        }
        if (delivery.MailTo.Count > 0)
        {
            _mail.Send(new MailRequest(delivery.MailTo, text));
        }
        if (delivery.CountMail)
        {
            counters.CountMail();
        }
        return text;
    }
}

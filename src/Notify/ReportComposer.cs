using Statmgr.Config;
using Statmgr.Earthworm.Time;

namespace Statmgr.Notify;

/// <summary>The exact report lines of C's ReportHealth and ReportErr.</summary>
internal static class ReportComposer
{
    private const string PageSent = " Page sent.";
    private const string MailSent = " Mail sent.";

    /// <summary>
    /// <c>UTC_&lt;asctime&gt;  sys/modName (modIdName) text[ Page sent.][ Mail sent.]\n</c>, with
    /// <paramref name="heldBack"/> (what LimitWindow held back, or the silence that holds the report back; empty without either) before the newline.
    /// </summary>
    public static string Health(long time, Descriptor descriptor, string text, Delivery delivery, string heldBack = "") =>
        $"UTC_{AscTime.Format(time)}  {descriptor.SysName}/{descriptor.ModName} ({descriptor.ModIdName}) {text}{Suffixes(delivery)}{heldBack}\n";

    /// <summary>
    /// <c>UTC_&lt;asctime&gt;  sys/modName body[ Page sent.][ Mail sent.]\n</c>, where a note of 4 or more
    /// characters (its newline counted) replaces the rule's text, and one trailing newline of the
    /// body is dropped so the suffixes stay on the report's line (B20: C left them on a second line).
    /// The note is the one text a report takes from a message (a module's note, or a decode error
    /// quoting one), so here it is made visible once for the log, the pages and the mails: any other
    /// newline becomes a space and other control bytes <c>\xHH</c>, so a report is always one line.
    /// <paramref name="heldBack"/> is as for <see cref="Health"/>.
    /// </summary>
    public static string Error(long time, Descriptor descriptor, string ruleText, string note, Delivery delivery, string heldBack = "")
    {
        string body = note.Length < 4 ? ruleText : note;
        if (body.EndsWith('\n'))
        {
            body = body[..^1];
        }
        body = VisibleText.OneLine(body);
        return $"UTC_{AscTime.Format(time)}  {descriptor.SysName}/{descriptor.ModName} {body}{Suffixes(delivery)}{heldBack}\n";
    }

    private static string Suffixes(Delivery delivery) =>
        (delivery.Page ? PageSent : "") + (delivery.MailSuffix ? MailSent : "");
}

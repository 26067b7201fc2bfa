using System.Globalization;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The two lines written when a message is abandoned: C's own "error sending email" line, then a
/// port line saying to whom, what the server last answered and which report it was. A failed
/// attempt that will be retried (later, or at once with the next MailServer) gets the port line
/// alone, so a relay that fails is in the log when it fails, not only when the message is given up.
/// </summary>
internal sealed class MailFailureLog
{
    /// <summary>The line C logs when an error-report mail fails; the port writes it for every mail it gives up.</summary>
    public const string CLine = "statmgr: error sending email\n";

    private readonly ILogit _logit;

    public MailFailureLog(ILogit logit)
    {
        _logit = logit;
    }

    public void Refused(MailJob job) =>
        Write(job, "refused");

    public void GaveUp(MailJob job) =>
        Write(job, $"given up after {job.Attempts} attempts");

    public void Dropped(MailJob job, int capacity) =>
        Write(job, $"dropped, queue full ({capacity} messages)");

    public void Lost(MailJob job) =>
        Write(job, "lost at shutdown");

    /// <summary>One relay of the attempt was given up and the next MailServer tried.</summary>
    public void PassedOver(MailJob job, string answer) =>
        WritePortLine(job, "retrying with the next MailServer", answer);

    /// <summary>The attempt failed and the message waits for its retry.</summary>
    public void Retrying(MailJob job, TimeSpan delay) =>
        WritePortLine(job, string.Create(CultureInfo.InvariantCulture, $"retrying in {delay.TotalSeconds} s"), job.LastAnswer);

    private void Write(MailJob job, string what)
    {
        _logit.Write("et", CLine);
        WritePortLine(job, what, job.LastAnswer);
    }

    private void WritePortLine(MailJob job, string what, string? answer) =>
        _logit.Write("et", $"statmgr: mail to {job.Recipient} {what}; server answer: {answer ?? "none, not yet tried"}; report: {FirstLine(job.ReportText)}\n");

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}

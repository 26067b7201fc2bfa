namespace Statmgr.Notify.Mail;

/// <summary>One report waiting to be mailed to one recipient.</summary>
internal sealed class MailJob
{
    public MailJob(long sequence, string recipient, string reportText, DateTimeOffset due)
    {
        Sequence = sequence;
        Recipient = recipient;
        ReportText = reportText;
        Due = due;
    }

    /// <summary>Arrival order; the oldest due job is always sent first.</summary>
    public long Sequence { get; }
    public string Recipient { get; }
    public string ReportText { get; }
    public DateTimeOffset Due { get; set; }
    public int Attempts { get; set; }
    public string? LastAnswer { get; set; }
}

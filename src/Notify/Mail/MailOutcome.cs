namespace Statmgr.Notify.Mail;

/// <summary>The result of one delivery attempt and the answer that explains it (server reply, exit status...).</summary>
public sealed record MailOutcome(MailOutcomeKind Kind, string Answer)
{
    public static MailOutcome Delivered(string answer) => new(MailOutcomeKind.Delivered, answer);

    public static MailOutcome Transient(string answer) => new(MailOutcomeKind.Transient, answer);

    public static MailOutcome Permanent(string answer) => new(MailOutcomeKind.Permanent, answer);
}

namespace Statmgr.Notify.Mail;

/// <summary>
/// One way of getting a report to a recipient (SMTP relays or a mail program). A transport never
/// throws for delivery problems: it says what happened, and the queue decides about retries.
/// </summary>
internal interface IMailTransport
{
    /// <summary>Where the mail goes, for startup and --test-mail lines (never holds a password).</summary>
    string Description { get; }

    /// <summary>Mails one report (the text exactly as logged) to one recipient.</summary>
    Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken);
}

namespace Statmgr.Notify.Mail;

/// <summary>
/// How reports will be mailed, chosen once at startup: the transport (null when there is none) and
/// the lines to log about the choice (each a complete <c>statmgr: </c> line ending in a newline).
/// </summary>
public sealed record MailTransportChoice(IMailTransport? Transport, IReadOnlyList<string> Notices);

namespace Statmgr.Notify.Mail;

/// <summary>The result of one delivery attempt and the answer that explains it (server reply, exit status...).</summary>
internal sealed record MailOutcome(MailOutcomeKind Kind, string Answer)
{
    /// <summary>
    /// The answers of the relays given up in this attempt before another one was tried (a relay
    /// that could not be reached, or did not finish within the deadline), in the order tried.
    /// </summary>
    public IReadOnlyList<string> PassedOver { get; init; } = [];

    // By value, the passed-over answers included, so outcomes compare as they read.
    public bool Equals(MailOutcome? other) =>
        other is not null && Kind == other.Kind && Answer == other.Answer && PassedOver.SequenceEqual(other.PassedOver);

    public override int GetHashCode() => HashCode.Combine(Kind, Answer, PassedOver.Count);

    public static MailOutcome Delivered(string answer) => new(MailOutcomeKind.Delivered, answer);

    public static MailOutcome Transient(string answer) => new(MailOutcomeKind.Transient, answer);

    public static MailOutcome Permanent(string answer) => new(MailOutcomeKind.Permanent, answer);
}

/// <summary>What became of one attempt to mail one report to one recipient.</summary>
internal enum MailOutcomeKind
{
    /// <summary>A relay (or the mail program) took the message.</summary>
    Delivered,

    /// <summary>It may work later: no connection, a timeout, a 4xx reply. The queue retries.</summary>
    Transient,

    /// <summary>It will not work by retrying: a 5xx reply for the message or recipient.</summary>
    Permanent,
}

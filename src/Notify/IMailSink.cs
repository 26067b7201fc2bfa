using Statmgr.Status;

namespace Statmgr.Notify;

/// <summary>
/// Where reports go to be mailed. Implementations never block the caller: the main loop hands a
/// request over and goes on, so a slow or dead relay never delays the heartbeat checks (C mailed
/// from the main loop and waited).
/// </summary>
internal interface IMailSink
{
    /// <summary>False when there is no mail path at all: a report then never says " Mail sent.".</summary>
    bool HasMailPath { get; }

    void Send(MailRequest request);

    /// <summary>
    /// What became of the mail so far, for the status snapshot. Read on the main loop: it never
    /// waits for the sender, so the four numbers may be a moment apart.
    /// </summary>
    MailStatus Counts { get; }
}

/// <summary>One report to mail: the report text exactly as logged, and who receives it (one message each).</summary>
internal sealed record MailRequest(IReadOnlyList<string> Recipients, string ReportText);

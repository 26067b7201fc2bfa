using Statmgr.Status;

namespace Statmgr.Notify.Mail;

/// <summary>The sink when no mail path exists: that was said once at startup, so reports are dropped quietly.</summary>
internal sealed class DiscardMailSink : IMailSink
{
    public static readonly DiscardMailSink Instance = new();

    private DiscardMailSink()
    {
    }

    public bool HasMailPath => false;

    public MailStatus Counts { get; } = new(0, 0, 0, 0);

    public void Send(MailRequest request)
    {
        // Nothing to do by design; see the class summary.
    }
}

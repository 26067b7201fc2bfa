using Statmgr.Notify;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// Keeps every mail request in order, so that tests compare them whole with Is.EqualTo (and see the
/// difference when one fails); a recorder reads more plainly here than a substitute's received calls.
/// </summary>
internal sealed class RecordingMailSink : IMailSink
{
    public List<MailRequest> Sent { get; } = new();

    public bool HasMailPath => true;

    /// <summary>What the status snapshot shows of the mail: set by a test.</summary>
    public Statmgr.Status.MailStatus Counts { get; set; } = new(0, 0, 0, 0);

    public void Send(MailRequest request) => Sent.Add(request);
}

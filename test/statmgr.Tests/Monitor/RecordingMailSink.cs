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

    public void Send(MailRequest request) => Sent.Add(request);
}

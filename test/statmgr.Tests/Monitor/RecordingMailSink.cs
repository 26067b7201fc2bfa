using Statmgr.Notify;

namespace Statmgr.Tests.Monitor;

internal sealed class RecordingMailSink : IMailSink
{
    public List<MailRequest> Sent { get; } = new();

    public void Send(MailRequest request) => Sent.Add(request);
}

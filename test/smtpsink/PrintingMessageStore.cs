using System.Buffers;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Statmgr.SmtpSink;

/// <summary>Accepts every message, prints one line for it and optionally saves it as an .eml file.</summary>
internal sealed class PrintingMessageStore(string? saveDirectory, TextWriter output) : MessageStore
{
    private int _count;

    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        int number = Interlocked.Increment(ref _count);
        byte[] bytes = buffer.ToArray();
        var recipients = transaction.To.Select(m => m.AsAddress());
        string line = ReceivedMailLine.Format(number, recipients, bytes);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
        if (saveDirectory is not null)
        {
            Directory.CreateDirectory(saveDirectory);
            string path = Path.Combine(saveDirectory, $"mail-{number:D4}.eml");
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        }
        return SmtpResponse.Ok;
    }
}

using System.Text;
using MimeKit;

namespace Statmgr.SmtpSink;

/// <summary>The one line smtpsink prints for each received mail: number, recipients and Subject.</summary>
internal static class ReceivedMailLine
{
    public static string Format(int number, IEnumerable<string> recipients, ReadOnlySpan<byte> message)
    {
        string subject = ReadSubject(message);
        return $"smtpsink: mail {number} to {string.Join(", ", recipients)} subject \"{subject}\"";
    }

    private static string ReadSubject(ReadOnlySpan<byte> message)
    {
        try
        {
            using var stream = new MemoryStream(message.ToArray(), writable: false);
            var mime = MimeMessage.Load(stream);
            return mime.Subject ?? "";
        }
        catch (FormatException)
        {
            // A message MimeKit cannot parse is still worth a line; show its first bytes instead.
            string head = Encoding.ASCII.GetString(message[..Math.Min(message.Length, 40)]);
            return "(unparsable) " + head.ReplaceLineEndings(" ");
        }
    }
}

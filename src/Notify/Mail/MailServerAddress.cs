using System.Globalization;

namespace Statmgr.Notify.Mail;

/// <summary>One <c>MailServer host[:port]</c> line, parsed: the relay to connect to.</summary>
internal sealed record MailServerAddress(string Host, int Port)
{
    /// <summary>The SMTP port when the line names none.</summary>
    public const int DefaultPort = 25;

    /// <summary>The port for SMTP over TLS from the first byte (SmtpSecurity ssl) when the line names none.</summary>
    public const int DefaultSslPort = 465;

    /// <summary>
    /// Reads <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>; a bare IPv6 address
    /// (several colons) is taken as a host. Returns null and a reason when the text is unusable.
    /// </summary>
    public static MailServerAddress? TryParse(string text, int defaultPort, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        if (value.Length == 0)
        {
            problem = "empty server name";
            return null;
        }

        string host;
        string? portText = null;
        if (value[0] == '[')
        {
            var close = value.IndexOf(']');
            if (close < 2)
            {
                problem = "unterminated [address]";
                return null;
            }
            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    problem = "text after ]";
                    return null;
                }
                portText = rest[1..];
            }
        }
        else
        {
            var first = value.IndexOf(':');
            if (first >= 0 && first == value.LastIndexOf(':'))
            {
                host = value[..first];
                portText = value[(first + 1)..];
            }
            else
            {
                host = value;
            }
        }

        if (host.Length == 0)
        {
            problem = "no host name";
            return null;
        }

        var port = defaultPort;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
            {
                problem = "port must be a number from 1 to 65535";
                return null;
            }
        }
        return new MailServerAddress(host, port);
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Statmgr.Config;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Mails a report through the MailServer relays, tried in order until one takes the message.
/// A relay that cannot be reached, will not secure or authenticate the session, or answers 4xx
/// passes the message on to the next; a 5xx answer to the message or recipient is final.
/// </summary>
internal sealed class SmtpMailTransport : IMailTransport
{
    private readonly MailSettings _settings;
    private readonly TimeProvider _time;

    public SmtpMailTransport(MailSettings settings, TimeProvider time)
    {
        if (settings.Servers.Count == 0)
        {
            throw new ArgumentException("SMTP needs at least one usable MailServer", nameof(settings));
        }
        _settings = settings;
        _time = time;
    }

    public string Description => "SMTP through " + string.Join(", ", _settings.Servers);

    public async Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(recipient, out var to))
        {
            return MailOutcome.Permanent($"<{recipient}> is not a mail address");
        }
        if (!MailboxAddress.TryParse(MailTextEncoding.Readable(_settings.From), out var from))
        {
            return MailOutcome.Permanent($"From <{_settings.From}> is not a mail address");
        }

        var extraRoots = new X509Certificate2Collection();
        if (_settings.CaFile is not null)
        {
            var loaded = SmtpCaFileLoader.TryLoad(_settings.CaFile, out var caProblem);
            if (loaded is null)
            {
                return MailOutcome.Transient($"SmtpCaFile <{_settings.CaFile}> cannot be read: {caProblem}");
            }
            extraRoots = loaded;
        }

        using var message = BuildMessage(from, to, reportText);
        var failed = new List<string>();
        foreach (var server in _settings.Servers)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            var outcome = await TryServerAsync(server, message, extraRoots, cancellationToken).ConfigureAwait(false);
            if (outcome.Kind != MailOutcomeKind.Transient)
            {
                // The relays that failed before this one were passed over; the queue logs each.
                return outcome with { PassedOver = failed };
            }
            failed.Add(outcome.Answer);
        }
        var answer = string.Join("; ", cancellationToken.IsCancellationRequested ? failed.Append("cancelled") : failed);
        return MailOutcome.Transient(answer) with { PassedOver = failed.SkipLast(1).ToArray() };
    }

    private MimeMessage BuildMessage(MailboxAddress from, MailboxAddress to, string reportText)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(to);
        message.Subject = MailTextEncoding.Readable(_settings.Subject);
        message.Date = _time.GetUtcNow();
        var (encoding, text) = MailTextEncoding.ForBytes(_settings.ComposeBody(reportText));
        var body = new TextPart(TextFormat.Plain);
        body.SetText(encoding, text);
        message.Body = body;
        return message;
    }

    private async Task<MailOutcome> TryServerAsync(
        MailServerAddress server, MimeMessage message, X509Certificate2Collection extraRoots, CancellationToken cancellationToken)
    {
        var validator = new SmtpCertificateValidator(extraRoots);
        // SmtpTimeout bounds each read, but a relay that sends one byte a second never trips it:
        // the whole dialogue, connect to the end of DATA, gets SmtpTimeout too.
        using var deadline = new CancellationTokenSource(_settings.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var token = linked.Token;
        using var client = new SmtpClient
        {
            Timeout = (int)Math.Min(int.MaxValue, _settings.Timeout.TotalMilliseconds),
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = validator.Validate,
        };
        var inTransaction = false;
        try
        {
            await client.ConnectAsync(server.Host, server.Port, SocketOptions(_settings.Security), token).ConfigureAwait(false);
            if (_settings.User is not null)
            {
                var refusal = await AuthenticateAsync(client, token).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return MailOutcome.Transient($"{server}: {refusal}");
                }
            }
            inTransaction = true;
            var reply = await client.SendAsync(message, token).ConfigureAwait(false);
            await QuitQuietlyAsync(client, token).ConfigureAwait(false);
            return MailOutcome.Delivered($"{server}: {OneLine(reply)}");
        }
        catch (SmtpCommandException ex)
        {
            var answer = $"{server}: {(int)ex.StatusCode} {OneLine(ex.Message)}";
            return inTransaction && (int)ex.StatusCode >= 500 ? MailOutcome.Permanent(answer) : MailOutcome.Transient(answer);
        }
        catch (SslHandshakeException ex)
        {
            return MailOutcome.Transient($"{server}: TLS refused: {validator.Refusal ?? OneLine(ex.Message)}");
        }
        catch (AuthenticationException ex)
        {
            return MailOutcome.Transient($"{server}: authentication failed: {OneLine(ex.Message)}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return MailOutcome.Transient($"{server}: cancelled");
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && ex is OperationCanceledException or IOException or SocketException)
        {
            // Cut off at the deadline (MailKit may say so as a cancellation or as a closed socket).
            return MailOutcome.Transient($"{server}: did not finish within {_settings.TimeoutText}");
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or OperationCanceledException
                                       or ProtocolException or ServiceNotConnectedException or NotSupportedException
                                       or InvalidOperationException)
        {
            return MailOutcome.Transient($"{server}: {OneLine(ex.Message)}");
        }
    }

    /// <summary>Logs in with SmtpUser; returns why it did not, or null when it did.</summary>
    private async Task<string?> AuthenticateAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        // A password never crosses an unprotected connection unless the site chose SmtpSecurity none.
        if (!client.IsSecure && _settings.Security != SmtpSecurityMode.None)
        {
            return "the server offers no TLS, so the SmtpUser password was not sent";
        }
        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            return "the server does not offer AUTH";
        }
        var password = "";
        if (_settings.PasswordFile is not null)
        {
            var read = SmtpPasswordFile.TryRead(_settings.PasswordFile, out var problem);
            if (read is null)
            {
                return $"SmtpPasswordFile <{_settings.PasswordFile}> cannot be read: {problem}";
            }
            password = read;
        }
        await client.AuthenticateAsync(_settings.User!, password, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static async Task QuitQuietlyAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or ProtocolException
                                       or SmtpCommandException or OperationCanceledException)
        {
            // The relay already took the message; a failed QUIT changes nothing.
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurityMode mode) => mode switch
    {
        SmtpSecurityMode.None => SecureSocketOptions.None,
        SmtpSecurityMode.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurityMode.Ssl => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}

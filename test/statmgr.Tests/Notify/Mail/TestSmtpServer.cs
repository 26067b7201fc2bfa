using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>What the test relay received in one mail transaction.</summary>
internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTo, byte[] Data, bool Secure, string? User);

/// <summary>
/// A real SMTP relay on 127.0.0.1 for the mail tests (the SmtpServer package): records every
/// message, can require STARTTLS or TLS from the first byte, AUTH, and can refuse recipients.
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentQueue<(string User, string Password)> _logins = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public TestSmtpServer(int port = 0)
    {
        Port = port == 0 ? FreePort() : port;
    }

    public int Port { get; }
    public X509Certificate2? Certificate { get; init; }
    public bool TlsOnConnect { get; init; }
    public (string User, string Password)? RequiredLogin { get; init; }
    public bool AuthenticationWithoutTls { get; init; }

    /// <summary>Recipients answered 550 at RCPT.</summary>
    public ISet<string> RejectedRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients answered 451 at RCPT.</summary>
    public ISet<string> DeferredRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ReceivedMail> Received => _received.ToArray();
    public IReadOnlyList<(string User, string Password)> Logins => _logins.ToArray();

    public string Address => $"127.0.0.1:{Port}";

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder =>
            {
                builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                    .IsSecure(TlsOnConnect)
                    .AuthenticationRequired(RequiredLogin is not null)
                    .AllowUnsecureAuthentication(AuthenticationWithoutTls);
                if (Certificate is not null)
                {
                    builder.Certificate(Certificate);
                }
            })
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new Authenticator(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Cancelling the listener is how it stops.
        }
        _stop.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }
        throw new InvalidOperationException($"test SMTP server on port {Port} did not start");
    }

    private static string Text(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    private sealed class Store(TestSmtpServer owner) : IMessageStore
    {
        public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            owner._received.Enqueue(new ReceivedMail(
                Text(transaction.From), transaction.To.Select(Text).ToArray(), buffer.ToArray(), context.Pipe.IsSecure, user));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (owner.DeferredRecipients.Contains(Text(to)))
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)451, "mailbox busy, try later"));
            }
            return Task.FromResult(!owner.RejectedRecipients.Contains(Text(to)));
        }
    }

    private sealed class Authenticator(TestSmtpServer owner) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        {
            owner._logins.Enqueue((user, password));
            return Task.FromResult(owner.RequiredLogin is { } login && login.User == user && login.Password == password);
        }
    }
}

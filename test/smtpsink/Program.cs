using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SmtpServer;
using SmtpServer.ComponentModel;
using Statmgr.ToolCommon;

namespace Statmgr.SmtpSink;

/// <summary>smtpsink: a local SMTP server on 127.0.0.1 for tests and the demonstration.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.OrExplain(SinkOptions.Parse(args, out string error), error, SinkOptions.Usage) is not { } options)
        {
            return CommandLine.UsageExitCode;
        }
        int port = options.Port == 0 ? FreeLoopbackPort() : options.Port;

        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("smtpsink")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new PrintingMessageStore(options.SaveDirectory, Console.Out));
        var server = new SmtpServer.SmtpServer(serverOptions, services);

        Task running = server.StartAsync(stop.Token);
        // Wait until the port really accepts, so that a script reading this line can send at once.
        await WaitUntilListeningAsync(port, stop.Token).ConfigureAwait(false);
        Console.Out.WriteLine($"smtpsink: listening on 127.0.0.1:{port}");
        Console.Out.Flush();
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The normal way out: SIGTERM or SIGINT.
        }
        Console.Out.WriteLine("smtpsink: stopped");
        Console.Out.Flush();
        return 0;
    }

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task WaitUntilListeningAsync(int port, CancellationToken token)
    {
        for (int attempt = 0; attempt < 100 && !token.IsCancellationRequested; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, token).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, token).ConfigureAwait(false);
            }
        }
    }
}

using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>
/// Mail tests: a fake clock at the reports' time (Tue Mar 5 17:02:11 2024 UTC), a collecting log, a
/// fresh directory, and the relays a test started on 127.0.0.1; the relays are stopped and the
/// directory removed after the test even when it fails.
/// </summary>
public abstract class MailTestBase
{
    /// <summary>A health report as the dispatcher hands it to the mail queue.</summary>
    protected const string Report = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";

    /// <summary>An error report whose note spans two lines.</summary>
    protected const string ErrorReport = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead\n Page sent.\n";

    /// <summary>C's log line for any mail that did not go out.</summary>
    protected const string Error = "statmgr: error sending email\n";

    protected static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1709658131);

    private readonly List<TestSmtpServer> _servers = [];

    private protected FakeTimeProvider Clock { get; private set; } = null!;

    private protected CollectingLogit Log { get; private set; } = null!;

    protected TempDirectory Temp { get; private set; } = null!;

    [SetUp]
    public void StartClockLogAndDirectory()
    {
        Clock = new FakeTimeProvider(Start);
        Log = new CollectingLogit();
        Temp = new TempDirectory("statmgr-mail-");
    }

    [TearDown]
    public async Task StopRelaysAndRemoveDirectory()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
        }
        _servers.Clear();
        Temp.Dispose();
    }

    /// <summary>Makes a named pipe in the test directory: opening it blocks until somebody opens the other end.</summary>
    protected string MakeFifo(string name)
    {
        var path = Temp.PathOf(name);
        var made = ChildProgram.Run(ChildProgram.StartInfo("mkfifo", [path]));
        Assert.That(made.ExitCode, Is.EqualTo(0), made.Stderr);
        return path;
    }

    private protected async Task<TestSmtpServer> StartAsync(TestSmtpServer server)
    {
        _servers.Add(server);
        await server.StartAsync();
        return server;
    }
}

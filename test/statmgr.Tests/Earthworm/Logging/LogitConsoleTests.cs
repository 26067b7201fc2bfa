using System.IO.Pipes;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>Logit's console copies on a real pipe that nobody reads: dropped at once, never waited for.</summary>
[Platform(Include = "Linux")]
public class LogitConsoleTests() : LoggingStartedTests(new DateTimeOffset(2026, 11, 25, 21, 15, 19, TimeSpan.Zero), LogName)
{
    private const string LogName = "statmgr_20261125.log";

    [Test]
    public void ACopyAFullPipeCannotTakeIsDroppedAndTheLogSaysWhenAndHowMany()
    {
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In);
        var stderr = new PosixLogConsole((int)pipe.ClientSafePipeHandle.DangerousGetHandle(), LogConsole.StderrName);
        using var logit = new Logit(
            Harness.Time, LogitHarness.ProcessId, LogConsole.Over(Harness.Stdout, LogConsole.StdoutName), stderr, name => Harness.Environment.GetValueOrDefault(name));
        logit.Init("statmgr.d", 1024, 1);
        var entry = new string('x', 1000) + "\n";
        var taken = 0;
        while (stderr.Dropped == 0)
        {
            Assert.That(taken, Is.LessThan(1000), "the pipe never filled");
            logit.Write("e", entry);
            taken++;
        }
        taken--;
        logit.Write("e", entry);
        stderr.Writer.Write("written directly\n");

        pipe.ReadExactly(new byte[taken * entry.Length]);
        logit.Write("e", "back\n");

        var log = Harness.Read(LogName);
        Assert.That(log, Does.EndWith(
            entry
            + "20261125_UTC_21:15:19 statmgr: stderr is not taking output; writes to it are dropped until it does\n"
            + entry + entry
            + "20261125_UTC_21:15:19 statmgr: stderr takes output again; 3 writes to it were dropped\n"
            + "back\n"));
        Assert.That(log.Split("is not taking output"), Has.Length.EqualTo(2), "said once");
        var back = new byte[5];
        pipe.ReadExactly(back);
        Assert.That(back, Is.EqualTo("back\n"u8.ToArray()));
        Assert.That(stderr.Dropped, Is.EqualTo(3));
    }
}

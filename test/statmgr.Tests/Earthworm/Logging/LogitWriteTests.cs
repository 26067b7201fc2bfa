using System.Text;

namespace Statmgr.Tests.Earthworm.Logging;

public class LogitWriteTests() : LoggingStartedTests(new DateTimeOffset(2026, 11, 25, 21, 15, 19, TimeSpan.Zero), LogName)
{
    private const string LogName = "statmgr_20261125.log";

    private string Entries() => Harness.Read(LogName)[BannerLength..];

    [TestCase("", "line\n")]
    [TestCase("t", "20261125_UTC_21:15:19 line\n")]
    [TestCase("d", "(4242) line\n")]
    [TestCase("td", "20261125_UTC_21:15:19 (4242) line\n")]
    [TestCase("dt", "20261125_UTC_21:15:19 (4242) line\n")]
    [TestCase("ttdd", "20261125_UTC_21:15:19 (4242) line\n")]
    [TestCase("p", "line\n")]
    [TestCase("xyz", "line\n")]
    public void PrefixFlags(string flags, string expected)
    {
        Harness.Logit.Write(flags, "line\n");

        Assert.That(Entries(), Is.EqualTo(expected));
        Assert.That(Harness.Stdout.ToString(), Is.Empty);
        Assert.That(Harness.Stderr.ToString(), Is.Empty);
    }

    [Test]
    public void EFlagCopiesToStderrWithThePrefix()
    {
        Harness.Logit.Write("et", "to stderr\n");

        Assert.That(Harness.Stderr.ToString(), Is.EqualTo("20261125_UTC_21:15:19 to stderr\n"));
        Assert.That(Harness.Stdout.ToString(), Is.Empty);
        Assert.That(Entries(), Is.EqualTo("20261125_UTC_21:15:19 to stderr\n"));
    }

    [Test]
    public void OFlagCopiesToStdout()
    {
        Harness.Logit.Write("o", "to stdout\n");

        Assert.That(Harness.Stdout.ToString(), Is.EqualTo("to stdout\n"));
        Assert.That(Harness.Stderr.ToString(), Is.Empty);
        Assert.That(Entries(), Is.EqualTo("to stdout\n"));
    }

    [Test]
    public void NoNewlineIsAdded()
    {
        Harness.Logit.Write("t", "statmgr: startup of statmgr version: 2.0.14 - 2017-06-08");
        Harness.Logit.Write("", "\n       *****  Start Message Log  *****\n");

        Assert.That(
            Entries(),
            Is.EqualTo("20261125_UTC_21:15:19 statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n       *****  Start Message Log  *****\n"));
    }

    [Test]
    public void TimePrefixFollowsTheClockToTheSecond()
    {
        Harness.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Harness.Logit.Write("t", "a\n");

        Assert.That(Entries(), Is.EqualTo("20261125_UTC_21:15:20 a\n"));
    }

    [Test]
    public void OutputGoesToStdoutThenStderrThenTheFile()
    {
        var order = new List<string>();
        var path = Harness.Logit.CurrentFilePath!;
        using var stdout = new ProbeWriter(() => order.Add("stdout, file " + new FileInfo(path).Length));
        using var stderr = new ProbeWriter(() => order.Add("stderr, file " + new FileInfo(path).Length));
        using var logit = new Statmgr.Earthworm.Logging.Logit(
            Harness.Time, 7, stdout, stderr, name => Harness.Environment.GetValueOrDefault(name));
        logit.Init("statmgr.d", 1024, 1);
        var before = new FileInfo(path).Length;

        logit.Write("eo", "x\n");

        Assert.That(order, Is.EqualTo(new[] { $"stdout, file {before}", $"stderr, file {before}" }));
        Assert.That(new FileInfo(path).Length, Is.EqualTo(before + 2), "file written last and flushed");
    }

    [Test]
    public void BytesPassThroughOneCharacterPerByte()
    {
        var text = "caf\u00e9 \u00ff\u0080\n";

        Harness.Logit.Write("", text);

        var bytes = File.ReadAllBytes(Harness.PathOf(LogName))[BannerLength..];
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0x80, 0x0A }));
    }

    [Test]
    public void TextEndsAtTheFirstNulAsACString()
    {
        Harness.Logit.Write("e", "before\0after\n");

        Assert.That(Entries(), Is.EqualTo("before"));
        Assert.That(Harness.Stderr.ToString(), Is.EqualTo("before"));
    }

    [Test]
    public void ConcurrentWritersNeverInterleaveWithinAnEntry()
    {
        var threads = Enumerable.Range(0, 4).Select(n => new Thread(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                Harness.Logit.Write("t", $"writer {n} entry {i:D3} {new string((char)('a' + n), 40)}\n");
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var lines = Entries().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1200));
        Assert.That(
            lines,
            Has.All.Matches<string>(line => System.Text.RegularExpressions.Regex.IsMatch(
                line, "^20261125_UTC_21:15:19 writer ([0-3]) entry \\d{3} ([a-d])\\2{39}$")));
    }

    [Test]
    public void ConsoleThatFailsDoesNotStopLogging()
    {
        using var broken = new ProbeWriter(() => throw new IOException("Broken pipe"));
        using var logit = new Statmgr.Earthworm.Logging.Logit(
            Harness.Time, 7, broken, broken, name => Harness.Environment.GetValueOrDefault(name));
        logit.Init("other.d", 1024, 1);

        Assert.DoesNotThrow(() => logit.Write("eot", "still logged\n"));
        Assert.That(Harness.Read("other_20261125.log"), Does.EndWith("20261125_UTC_21:15:19 still logged\n"));
    }

    [Test]
    public void WriteAfterDisposeDoesNotThrow()
    {
        Harness.Logit.Dispose();

        Assert.DoesNotThrow(() => Harness.Logit.Write("e", "late\n"));
        Assert.That(Harness.Logit.CurrentFilePath, Is.Null);
        Assert.That(Entries(), Is.Empty);
        Assert.That(Harness.Stderr.ToString(), Is.EqualTo("late\n"));
    }

    /// <summary>A console writer that runs an action on every write, to observe when it is called.</summary>
    private sealed class ProbeWriter(Action onWrite) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => onWrite();

        public override void Write(string? value) => onWrite();
    }
}

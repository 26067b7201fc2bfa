using System.Text;

namespace Statmgr.Tests.Earthworm.Logging;

public class LogitWriteTests
{
    private const string LogName = "statmgr_20261125.log";

    private LogitHarness _harness = null!;
    private int _bannerLength;

    [SetUp]
    public void SetUp()
    {
        _harness = new LogitHarness(new DateTimeOffset(2026, 11, 25, 21, 15, 19, TimeSpan.Zero));
        _harness.Logit.Init("statmgr.d", 1024, 1);
        _bannerLength = _harness.Read(LogName).Length;
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private string Entries() => _harness.Read(LogName)[_bannerLength..];

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
        _harness.Logit.Write(flags, "line\n");

        Assert.That(Entries(), Is.EqualTo(expected));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(_harness.Stderr.ToString(), Is.Empty);
    }

    [Test]
    public void EFlagCopiesToStderrWithThePrefix()
    {
        _harness.Logit.Write("et", "to stderr\n");

        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("20261125_UTC_21:15:19 to stderr\n"));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(Entries(), Is.EqualTo("20261125_UTC_21:15:19 to stderr\n"));
    }

    [Test]
    public void OFlagCopiesToStdout()
    {
        _harness.Logit.Write("o", "to stdout\n");

        Assert.That(_harness.Stdout.ToString(), Is.EqualTo("to stdout\n"));
        Assert.That(_harness.Stderr.ToString(), Is.Empty);
        Assert.That(Entries(), Is.EqualTo("to stdout\n"));
    }

    [Test]
    public void NoNewlineIsAdded()
    {
        _harness.Logit.Write("t", "statmgr: startup of statmgr version: 2.0.14 - 2017-06-08");
        _harness.Logit.Write("", "\n       *****  Start Message Log  *****\n");

        Assert.That(
            Entries(),
            Is.EqualTo("20261125_UTC_21:15:19 statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n       *****  Start Message Log  *****\n"));
    }

    [Test]
    public void TimePrefixFollowsTheClockToTheSecond()
    {
        _harness.Time.Advance(TimeSpan.FromMilliseconds(1999));
        _harness.Logit.Write("t", "a\n");

        Assert.That(Entries(), Is.EqualTo("20261125_UTC_21:15:20 a\n"));
    }

    [Test]
    public void OutputGoesToStdoutThenStderrThenTheFile()
    {
        var order = new List<string>();
        var path = _harness.Logit.CurrentFilePath!;
        using var stdout = new ProbeWriter(() => order.Add("stdout, file " + new FileInfo(path).Length));
        using var stderr = new ProbeWriter(() => order.Add("stderr, file " + new FileInfo(path).Length));
        using var logit = new Statmgr.Earthworm.Logging.Logit(
            _harness.Time, 7, stdout, stderr, name => _harness.Environment.GetValueOrDefault(name));
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

        _harness.Logit.Write("", text);

        var bytes = File.ReadAllBytes(_harness.PathOf(LogName))[_bannerLength..];
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0x80, 0x0A }));
    }

    [Test]
    public void TextEndsAtTheFirstNulAsACString()
    {
        _harness.Logit.Write("e", "before\0after\n");

        Assert.That(Entries(), Is.EqualTo("before"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("before"));
    }

    [Test]
    public void ConcurrentWritersNeverInterleaveWithinAnEntry()
    {
        var threads = Enumerable.Range(0, 4).Select(n => new Thread(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                _harness.Logit.Write("t", $"writer {n} entry {i:D3} {new string((char)('a' + n), 40)}\n");
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
            _harness.Time, 7, broken, broken, name => _harness.Environment.GetValueOrDefault(name));
        logit.Init("other.d", 1024, 1);

        Assert.DoesNotThrow(() => logit.Write("eot", "still logged\n"));
        Assert.That(_harness.Read("other_20261125.log"), Does.EndWith("20261125_UTC_21:15:19 still logged\n"));
    }

    [Test]
    public void WriteAfterDisposeDoesNotThrow()
    {
        _harness.Logit.Dispose();

        Assert.DoesNotThrow(() => _harness.Logit.Write("e", "late\n"));
        Assert.That(_harness.Logit.CurrentFilePath, Is.Null);
        Assert.That(Entries(), Is.Empty);
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("late\n"));
    }

    /// <summary>A console writer that runs an action on every write, to observe when it is called.</summary>
    private sealed class ProbeWriter(Action onWrite) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => onWrite();

        public override void Write(string? value) => onWrite();
    }
}

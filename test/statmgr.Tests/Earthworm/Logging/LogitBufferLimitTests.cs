namespace Statmgr.Tests.Earthworm.Logging;

public class LogitBufferLimitTests
{
    private const string LogName = "statmgr_20261125.log";
    private const string TimePrefix = "20261125_UTC_21:15:19 ";
    private const string Digits = "0123456789";

    private LogitHarness _harness = null!;
    private int _bannerLength;

    [SetUp]
    public void SetUp() => _harness = new LogitHarness(new DateTimeOffset(2026, 11, 25, 21, 15, 19, TimeSpan.Zero));

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private void Init(int bufferSize, int logFlag = 1)
    {
        _harness.Logit.Init("statmgr.d", bufferSize, logFlag);
        _bannerLength = logFlag == 0 ? 0 : _harness.Read(LogName).Length;
    }

    private string Entries() => _harness.Read(LogName)[_bannerLength..];

    private static string Text(int length) => string.Concat(Enumerable.Repeat(Digits, (length / 10) + 1))[..length];

    [Test]
    public void LineOfBufSizeMinusOneIsComplete()
    {
        Init(64);
        var text = Text(40) + "\n";                     // L = 22 + 41 = 63

        _harness.Logit.Write("te", text);

        Assert.That(Entries(), Is.EqualTo(TimePrefix + text));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(TimePrefix + text));
    }

    [Test]
    public void LineOfBufSizeSilentlyLosesItsLastCharacter()
    {
        Init(64);
        var text = Text(41) + "\n";                     // L = 64

        _harness.Logit.Write("te", text);

        Assert.That(Entries(), Is.EqualTo(TimePrefix + Text(41)));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(TimePrefix + Text(41)));
    }

    [Test]
    public void LongerLineGetsTheNoticeAndIsCut()
    {
        Init(64);

        _harness.Logit.Write("te", Text(80));           // L = 22-character time prefix + 80 = 102

        Assert.That(
            Entries(),
            Is.EqualTo(
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 64 bytes, message is 102 bytes!\n" +
                "20261125_UTC_21:15:19 0123456789012345678901234567890123456789\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(TimePrefix + Text(40) + "\n"), "the notice goes to the file only");
    }

    [Test]
    public void LineOfBufSizePlusOneIsTooLarge()
    {
        Init(64);

        _harness.Logit.Write("", Text(65));

        Assert.That(
            Entries(),
            Is.EqualTo(
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 64 bytes, message is 65 bytes!\n" +
                Text(62) + "\n"));
    }

    [Test]
    public void NoticeIsRepeatedInTheFileForEveryLongLine()
    {
        Init(32);

        _harness.Logit.Write("", Text(40));
        _harness.Logit.Write("", Text(50));

        Assert.That(
            Entries(),
            Is.EqualTo(
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 32 bytes, message is 40 bytes!\n" +
                Text(30) + "\n" +
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 32 bytes, message is 50 bytes!\n" +
                Text(30) + "\n"));
    }

    [Test]
    public void WithoutDiskTheNoticeGoesToStderrOnce()
    {
        Init(32, logFlag: 0);

        _harness.Logit.Write("e", Text(40));
        _harness.Logit.Write("e", Text(50));

        Assert.That(
            _harness.Stderr.ToString(),
            Is.EqualTo(
                "logit(): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 32 bytes, message is 40 bytes!\n" +
                Text(30) + "\n" +
                Text(30) + "\n"));
    }

    [Test]
    public void AfterLogFile0TheStderrNoticeKeepsTheName()
    {
        Init(32);
        _harness.Logit.Init("statmgr.d", 1024, 0);

        _harness.Logit.Write("", Text(40));

        Assert.That(
            _harness.Stderr.ToString(),
            Is.EqualTo(
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 32 bytes, message is 40 bytes!\n"));
        Assert.That(Entries(), Is.Empty);
    }

    [Test]
    public void StatmgrBufferTakes1023Characters()
    {
        Init(1024);

        _harness.Logit.Write("", Text(1022) + "\n");
        _harness.Logit.Write("", Text(1024) + "\n");

        Assert.That(
            Entries(),
            Is.EqualTo(
                Text(1022) + "\n" +
                "logit(statmgr_): ERROR!!! Attempting to log too large of a message!!!\n" +
                "  Logit buffer is 1024 bytes, message is 1025 bytes!\n" +
                Text(1022) + "\n"));
    }

    [Test]
    public void HugeTextDoesNotThrow()
    {
        Init(1024);

        Assert.DoesNotThrow(() => _harness.Logit.Write("etd", new string('x', 5_000_000)));
        Assert.That(Entries(), Does.EndWith("(4242) " + new string('x', 1022 - 29) + "\n"));
    }
}

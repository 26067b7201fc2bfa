using Statmgr.Config;

namespace Statmgr.Tests.Config;

/// <summary>The sscanf-style scan of tsec:/err: lines.</summary>
public class FixedLayoutScannerTests
{
    private const string Heartbeat = "tsec: %d page: %d mail: %d";
    private const string Error = "err: %hd nerr: %d tsec: %d page: %d mail: %d";

    private static (int Count, long[] Values) Scan(string input, string layout)
    {
        var values = new long[5];
        var count = FixedLayoutScanner.Scan(input, layout, values);
        return (count, values);
    }

    [TestCase("tsec: 30 page: 1 mail: 2", 3, 30L, 1L, 2L)]
    [TestCase("tsec:30 page:1 mail:2", 3, 30L, 1L, 2L)]
    [TestCase("tsec:   -30   page:+1 mail:2 # trailing", 3, -30L, 1L, 2L)]
    [TestCase("tsec: 30page: 1 mail: 2", 3, 30L, 1L, 2L)]
    [TestCase("tsec: 30 page: 1", 2, 30L, 1L, 0L)]
    [TestCase("tsec: 30 Page: 1 mail: 2", 1, 30L, 0L, 0L)]
    [TestCase("tsec: x page: 1 mail: 2", 0, 0L, 0L, 0L)]
    [TestCase("tsec: - page: 1 mail: 2", 0, 0L, 0L, 0L)]
    [TestCase(" tsec: 30 page: 1 mail: 2", 0, 0L, 0L, 0L)]
    [TestCase("tsec: 12abc page: 1 mail: 2", 1, 12L, 0L, 0L)]
    [TestCase("", 0, 0L, 0L, 0L)]
    public void HeartbeatLayout(string input, int count, long tsec, long page, long mail)
    {
        var (n, values) = Scan(input, Heartbeat);

        Assert.That(n, Is.EqualTo(count));
        Assert.That(values[..3], Is.EqualTo(new[] { tsec, page, mail }));
    }

    [Test]
    public void ErrorLayout()
    {
        var (n, values) = Scan("err: 7  nerr: 1  tsec: 0  page: 10  mail: -1", Error);

        Assert.That(n, Is.EqualTo(5));
        Assert.That(values, Is.EqualTo(new long[] { 7, 1, 0, 10, -1 }));
    }

    [Test]
    public void HugeNumbersSaturateLikeStrtol()
    {
        var (n, values) = Scan("tsec: 99999999999999999999 page: -99999999999999999999 mail: 9223372036854775807", Heartbeat);

        Assert.That(n, Is.EqualTo(3));
        Assert.That(values[..3], Is.EqualTo(new[] { long.MaxValue, long.MinValue, long.MaxValue }));
    }

    [Test]
    public void StopsWhenTheValuesAreFull()
    {
        var values = new long[1];

        Assert.That(FixedLayoutScanner.Scan("tsec: 1 page: 2 mail: 3", Heartbeat, values), Is.EqualTo(1));
        Assert.That(values[0], Is.EqualTo(1));
    }
}

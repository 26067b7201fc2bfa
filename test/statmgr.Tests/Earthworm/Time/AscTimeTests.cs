using System.Globalization;
using Statmgr.Earthworm.Time;

namespace Statmgr.Tests.Earthworm.Time;

public class AscTimeTests
{
    [TestCase(0L, "Thu Jan  1 00:00:00 1970")]
    [TestCase(1709658131L, "Tue Mar  5 17:02:11 2024")]
    [TestCase(1700000000L, "Tue Nov 14 22:13:20 2023")]
    [TestCase(1762333685L, "Wed Nov  5 09:08:05 2025")]
    [TestCase(1795633685L, "Wed Nov 25 19:08:05 2026")]
    [TestCase(951782400L, "Tue Feb 29 00:00:00 2000")]
    [TestCase(2147483647L, "Tue Jan 19 03:14:07 2038")]
    [TestCase(2147483648L, "Tue Jan 19 03:14:08 2038")]
    [TestCase(4102444800L, "Fri Jan  1 00:00:00 2100")]
    [TestCase(253402300799L, "Fri Dec 31 23:59:59 9999")]
    [TestCase(253402300800L, "Sat Jan  1 00:00:00 10000")]
    [TestCase(-1L, "Wed Dec 31 23:59:59 1969")]
    [TestCase(-86400L, "Wed Dec 31 00:00:00 1969")]
    public void CAsctimeLayoutWithoutNewline(long seconds, string expected)
    {
        Assert.That(AscTime.Format(seconds), Is.EqualTo(expected));
    }

    [Test]
    public void AgreesWithTheCalendarOverManyYears()
    {
        var random = new Random(20240305);
        var english = CultureInfo.InvariantCulture;
        for (var i = 0; i < 20_000; i++)
        {
            var seconds = random.NextInt64(-62135596800L, 253402300800L);
            var utc = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
            var expected = string.Create(
                english,
                $"{utc.ToString("ddd MMM", english)} {utc.Day,2} {utc:HH:mm:ss} {utc.Year}");

            Assert.That(AscTime.Format(seconds), Is.EqualTo(expected), $"t={seconds}");
        }
    }

    [Test]
    public void AnySixtyFourBitValueGivesText()
    {
        Assert.That(AscTime.Format(long.MaxValue), Has.Length.GreaterThan(24));
        Assert.That(AscTime.Format(long.MinValue), Has.Length.GreaterThan(24));
    }

    [Test]
    public void DateTimeOffsetOverloadUsesUtcAndWholeSeconds()
    {
        var time = new DateTimeOffset(2024, 3, 5, 12, 2, 11, 999, TimeSpan.FromHours(-5));

        Assert.That(AscTime.Format(time), Is.EqualTo("Tue Mar  5 17:02:11 2024"));
    }
}

namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>The hand-written atoi/atol/atof behind NextInt, NextLong and NextDouble.</summary>
public class NumberReadingTests : KomTestBase
{
    [TestCase("99999999999999999999", long.MaxValue)]
    [TestCase("-99999999999999999999", long.MinValue)]
    [TestCase("-9223372036854775808", long.MinValue)]
    [TestCase("00", 0L)]
    [TestCase("0abc", 0L)]
    [TestCase("+42x", 42L)]
    [TestCase("\" \t-12\"", -12L)]
    public void LongConversion(string token, long value)
    {
        var kom = NewReader();
        kom.Put("Cmd " + token);
        kom.NextToken();
        Assert.That(kom.NextLong(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [TestCase("4294967296", 0, -2)]
    [TestCase("4294967295", -1, 0)]
    [TestCase("2147483648", int.MinValue, 0)]
    [TestCase("99999999999999999999", -1, 0)]
    public void IntKeepsTheLow32BitsOfTheLong(string token, int value, int error)
    {
        var kom = NewReader();
        kom.Put("Cmd " + token);
        kom.NextToken();
        Assert.That(kom.NextInt(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(error));
    }

    [Test]
    public void MissingLongIsErrorMinusOne()
    {
        var kom = NewReader();
        kom.Put("Cmd");
        kom.NextToken();
        Assert.That(kom.NextLong(), Is.EqualTo(0L));
        Assert.That(kom.TakeError(), Is.EqualTo(-1));
    }

    [TestCase("-2.5e-3", -0.0025)]
    [TestCase("5.", 5.0)]
    [TestCase("1e", 1.0)]
    [TestCase("1e+x", 1.0)]
    [TestCase(".", 0.0)]
    [TestCase("-.e5", 0.0)]
    [TestCase("0x1p-2", 0.25)]
    [TestCase("0X.8", 0.5)]
    [TestCase("0xg", 0.0)]
    [TestCase("-INFINITY", double.NegativeInfinity)]
    [TestCase("1e400", double.PositiveInfinity)]
    [TestCase("1e-400", 0.0)]
    [TestCase("123456789012345678901234567890", 1.2345678901234568e29)]
    [TestCase("0x1fffffffffffffff", 2305843009213693952.0)]
    public void DoubleConversion(string token, double value)
    {
        var kom = NewReader();
        kom.Put("Cmd " + token);
        kom.NextToken();
        Assert.That(kom.NextDouble(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [Test]
    public void NanIsNotANumber()
    {
        var kom = NewReader();
        kom.Put("Cmd NaN(123)");
        kom.NextToken();
        Assert.That(double.IsNaN(kom.NextDouble()), Is.True);
    }
}

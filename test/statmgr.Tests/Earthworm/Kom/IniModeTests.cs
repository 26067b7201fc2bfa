namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>kom's rarely used ini mode (k_open_format with ewFormat 0, k_treat_as_ini).</summary>
public class IniModeTests : KomTestBase
{
    [Test]
    public void KeyEndsAtEqualsAndValuesAtCommas()
    {
        var kom = NewReader();
        kom.Open(Files.Write("a.ini", "Key name = a value, b ,c d\nx = \"q,r\" , [s,t] , last one\n"), earthwormFormat: false);
        kom.ReadLine();
        Assert.That(Tokens(kom, 5), Is.EqualTo(new[] { "Key name", "a value", "b", "c d", null }));
        kom.ReadLine();
        Assert.That(Tokens(kom, 2), Is.EqualTo(new[] { "x", "q,r" }));
    }

    [Test]
    public void CommaAfterAQuotedTokenStartsTheNextToken()
    {
        // As in C: after a quoted token the scan resumes at the comma, which starts a plain token.
        var kom = NewReader();
        kom.Open(Files.Write("a.ini", "x = \"q,r\" , [s,t] , last one\n"), earthwormFormat: false);
        kom.ReadLine();
        Assert.That(Tokens(kom, 6), Is.EqualTo(new[] { "x", "q,r", ", [s", "t]", "last one", null }));
    }

    [Test]
    public void NormalOpenAndTreatAsEarthwormLeaveIniMode()
    {
        var kom = NewReader();
        kom.Open(Files.Write("a.ini", "k = v w\nk = v w\n"), earthwormFormat: false);
        kom.ReadLine();
        kom.TreatAsEarthworm();
        Assert.That(Tokens(kom, 2), Is.EqualTo(new[] { "k", "=" }));
        kom.TreatAsIni();
        kom.ReadLine();
        Assert.That(Tokens(kom, 2), Is.EqualTo(new[] { "k", "v w" }));
        kom.Open(Files.Write("b.d", "k = v\n"));
        kom.ReadLine();
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "k", "=", "v" }));
    }

    [Test]
    public void TreatAsIniNeedsAnOpenFile()
    {
        var kom = NewReader();
        kom.TreatAsIni();
        kom.Put("k = v");
        Assert.That(kom.NextToken(), Is.EqualTo("k"));
    }
}

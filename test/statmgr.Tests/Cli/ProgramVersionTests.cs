namespace Statmgr.Tests.Cli;

public class ProgramVersionTests
{
    [Test]
    public void VersionStringIsTheOneCPrints()
    {
        Assert.That(Statmgr.Cli.ProgramVersion.Text, Is.EqualTo("2.0.14 - 2017-06-08"));
    }
}

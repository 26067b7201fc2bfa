using Statmgr.Earthworm;
using Statmgr.Earthworm.Tables;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Tables;

/// <summary>A fresh standard EW_PARAMS per test and the diagnostics the tables write.</summary>
public abstract class TablesTestBase
{
    protected EwParamsFixture Params { get; private set; } = null!;

    protected List<string> Diagnostics { get; } = [];

    protected string GlobalPath => Params.PathOf(EwParamsFixture.GlobalFileName);

    protected string LocalPath => Params.PathOf(EwParamsFixture.LocalFileName);

    [SetUp]
    public void CreateParams()
    {
        Params = EwParamsFixture.Create();
        Diagnostics.Clear();
    }

    [TearDown]
    public void DeleteParams() => Params.Dispose();

    private protected EarthwormTables Load() => EarthwormTables.Load(Params.Directory, Diagnostics.Add);

    /// <summary>Loads expecting C's fatal exit: status 255, the text both thrown and written.</summary>
    protected void AssertFatal(string text, string? ewParams = null)
    {
        string directory = ewParams ?? Params.Directory;
        var exit = Assert.Throws<EarthwormExitException>(() => EarthwormTables.Load(directory, Diagnostics.Add));
        Assert.That(exit!.ExitCode, Is.EqualTo(255));
        Assert.That(exit.Message, Is.EqualTo(text));
        Assert.That(Diagnostics, Is.Not.Empty);
        Assert.That(Diagnostics[^1], Is.EqualTo(text));
    }

    /// <summary>Replaces earthworm.d with the standard one plus <paramref name="extra"/>.</summary>
    protected void AppendToLocal(string extra) => Params.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal + extra);
}

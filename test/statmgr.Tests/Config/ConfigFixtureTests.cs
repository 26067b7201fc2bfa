namespace Statmgr.Tests.Config;

/// <summary>Tests that each start from a fresh <see cref="ConfigFixture"/> (the standard tables), removed after the test.</summary>
public abstract class ConfigFixtureTests
{
    private protected ConfigFixture Fixture { get; private set; } = null!;

    /// <summary>Full path of statmgr.d in the fixture.</summary>
    protected string ConfigPath => Fixture.PathOf("statmgr.d");

    /// <summary>Full path of the module descriptor the tests write as mod.desc.</summary>
    protected string DescPath => Fixture.PathOf("mod.desc");

    [SetUp]
    public void CreateFixture() => Fixture = ConfigFixture.Create();

    [TearDown]
    public void RemoveFixture() => Fixture.Dispose();
}

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>Tests that create System V rings: every key a test took is removed after it, even when it fails.</summary>
public abstract class SystemVRingTestBase
{
    private protected TestRingKeys Keys { get; } = new();

    [TearDown]
    public void RemoveRings() => Keys.DestroyAll();
}

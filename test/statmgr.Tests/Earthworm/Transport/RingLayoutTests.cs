using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>SHM_HEAD and TPORT_HEAD sizes and offsets as C compilers lay them out (LP64, ILP32, LLP64), and layout detection from the header.</summary>
public class RingLayoutTests
{
    [Test]
    public void Lp64OffsetsAreThoseOfC()
    {
        var l = RingLayout.Lp64;
        Assert.That(new[] { l.ShmHeadSize, l.NBytesOffset, l.KeyMaxOffset, l.KeyInOffset, l.KeyOldOffset, l.FlagOffset },
            Is.EqualTo(new[] { 40, 0, 8, 16, 24, 32 }));
        Assert.That(new[] { l.TportHeadSize, l.SizeOffset, l.TypeOffset, l.ModuleOffset, l.InstallationOffset, l.SequenceOffset },
            Is.EqualTo(new[] { 24, 8, 16, 17, 18, 19 }));
        Assert.That((l.KeyBits, l.InitialKey), Is.EqualTo((64, 0UL)));
    }

    [TestCase("ILP32", 0UL)]
    [TestCase("LLP64", 20UL)]
    public void ThirtyTwoBitLongOffsetsAreThoseOfC(string name, ulong initialKey)
    {
        var l = name == "ILP32" ? RingLayout.Ilp32 : RingLayout.Llp64;
        Assert.That(new[] { l.ShmHeadSize, l.NBytesOffset, l.KeyMaxOffset, l.KeyInOffset, l.KeyOldOffset, l.FlagOffset },
            Is.EqualTo(new[] { 20, 0, 4, 8, 12, 16 }));
        Assert.That(new[] { l.TportHeadSize, l.SizeOffset, l.TypeOffset, l.ModuleOffset, l.InstallationOffset, l.SequenceOffset },
            Is.EqualTo(new[] { 12, 4, 8, 9, 10, 11 }));
        Assert.That((l.KeyBits, l.KeyMask, l.InitialKey), Is.EqualTo((32, 0xFFFF_FFFFUL, initialKey)));
    }

    [Test]
    public void WaveRingOf1024KbHasTheSpecsMaximumBody()
    {
        Assert.That(RingLayout.Lp64.MaxBody(1_048_576 - 40), Is.EqualTo(1_048_512));
    }

    [Test]
    public void DetectRecognisesEachHeaderAndRejectsOthers()
    {
        using var lp64 = new HeapRing(1024, RingLayout.Lp64);
        using var ilp32 = new HeapRing(1024, RingLayout.Ilp32);

        Assert.That(RingLayout.Detect(lp64.Bytes, 1024), Is.SameAs(RingLayout.Lp64));
        Assert.That(RingLayout.Detect(ilp32.Bytes, 1024), Is.SameAs(RingLayout.Ilp32));
        Assert.That(RingLayout.Detect(lp64.Bytes, 2048), Is.Null);
        Assert.That(RingLayout.Detect(new byte[40], 1024), Is.Null);
        Assert.That(RingLayout.Ilp32.Describes(lp64.Bytes, 1024), Is.False);
        Assert.That(RingLayout.Lp64.Describes(ilp32.Bytes, 1024), Is.False);
    }

    [Test]
    public void ChoiceMapsToLayout()
    {
        Assert.That(RingLayout.FromChoice(RingLayoutChoice.Auto), Is.Null);
        Assert.That(RingLayout.FromChoice(RingLayoutChoice.Lp64), Is.SameAs(RingLayout.Lp64));
        Assert.That(RingLayout.FromChoice(RingLayoutChoice.Ilp32), Is.SameAs(RingLayout.Ilp32));
    }

    [Test]
    public void WindowsObjectNamesCarryTheDecimalKey()
    {
#pragma warning disable CA1416 // names only; nothing Windows-specific runs
        Assert.That((WindowsRing.MappingName(1000), WindowsRing.MutexName(1000)), Is.EqualTo(("SHR_1000", "MTX_1000")));
#pragma warning restore CA1416
    }
}

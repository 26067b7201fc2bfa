using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Rings;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class RingInputMeterTests
{
    private static RingHeaderSnapshot Header(ulong keyIn) => new(1048616, 1048576, keyIn, 0, 0);

    [Test]
    public void QuietRingGivesNoGuard()
    {
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        Assert.That(meter.Sample(Header(1000), time.GetTimestamp(), time), Is.Null);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(meter.Sample(Header(1000), time.GetTimestamp(), time), Is.Null);
    }

    [Test]
    public void AMegabyteASecondIntoAMegabyteRingLooksAgainWithinHalfASecond()
    {
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        meter.Sample(Header(0), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.That(meter.Sample(Header(104858), time.GetTimestamp(), time)!.Value.TotalMilliseconds, Is.EqualTo(500).Within(0.1));
    }

    [Test]
    public void AFloodThatBeganDuringALongWaitIsMeasuredAgainAfterOneMillisecond()
    {
        // 50 MB/s from the last 0.2 s of a 1 s wait: the 1 s average (10 MB/s) would give a 52 ms
        // wait, in which the flood writes 2.6 MB into the 1 MB ring.
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        meter.Sample(Header(0), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(meter.Sample(Header(10_000_000), time.GetTimestamp(), time), Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(meter.Sample(Header(10_050_000), time.GetTimestamp(), time)!.Value.TotalMilliseconds,
            Is.EqualTo(1048576 / 50_000_000.0 * 0.5 * 1000).Within(0.01), "the flood's own rate, 50 MB/s");
    }

    [Test]
    public void AFloodAtItsMeasuredRateIsNotTakenForANewBurst()
    {
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        meter.Sample(Header(0), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromMilliseconds(10));
        var guard = meter.Sample(Header(500_000), time.GetTimestamp(), time)!.Value;
        time.Advance(guard);
        Assert.That(meter.Sample(Header(500_000 + 524_288), time.GetTimestamp(), time), Is.EqualTo(guard).Within(TimeSpan.FromMilliseconds(0.01)));
    }

    [Test]
    public void ABurstIsForgottenByHalvesEachSecond()
    {
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        meter.Sample(Header(0), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromSeconds(1));
        meter.Sample(Header(4_000_000), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromSeconds(1));
        meter.Sample(Header(4_000_000), time.GetTimestamp(), time);
        Assert.That(meter.BytesPerSecond, Is.EqualTo(2_000_000).Within(1));
    }

    [Test]
    public void AKeyResetOnlyRestartsTheMeasurement()
    {
        var time = new FakeTimeProvider();
        var meter = new RingInputMeter();
        meter.Sample(Header(5_000_000), time.GetTimestamp(), time);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(meter.Sample(Header(100), time.GetTimestamp(), time), Is.Null);
    }

    [Test]
    public void TheLoopWaitsLessOnABusyRing()
    {
        var h = new MonitorHarness();
        h.Pick.HeartbeatTsec = 0;
        h.Start();
        h.Manager!.RunPass();
        h.Advance(TimeSpan.FromMilliseconds(100));
        h.Ring.AddTraffic(209716);
        Assert.That(h.Manager.RunPass().Wait, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }
}

using System.Text;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Silences;
using Statmgr.Status;
using Statmgr.Tests.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// statmgr idles for months beside modules that beat: its passes must allocate nothing, so the
/// heap never grows and no collection ever runs while nothing goes wrong. The monitor reads a real
/// System V ring (the ring reader, the heartbeat parser and the pageit put as in production) on a
/// fake clock; only the passes themselves are measured, not the test's own puts and clock steps.
/// </summary>
public class SteadyStateAllocationTests : SystemVRingTestBase
{
    private const int ModuleCount = 10;
    private const byte FirstModule = 10;
    private const int FirstPid = 4000;

    /// <summary>Every module beats together every 5 s, so four seconds in five the passes find no message.</summary>
    private const int BeatSeconds = 5;
    private const int PageitSeconds = 10;
    private const long WarmUpEnd = T + 60;
    private const long MeasuredEnd = T + 240;

    [TestCase(nameof(HeartbeatClockMode.Sender))]
    [TestCase(nameof(HeartbeatClockMode.Receive))]
    public void PassesWhileTenModulesBeatAllocateNothing(string heartbeatClock)
    {
        var measured = RunTenModules(statusBoard: false, Enum.Parse<HeartbeatClockMode>(heartbeatClock));

        Assert.That(measured.Allocated, Is.Zero,
            $"bytes allocated by {measured.Passes} passes ({measured.QuietPasses} of them without a message) over {MeasuredEnd - WarmUpEnd} s");
    }

    [Test]
    public void AfterAReloadPassesStillAllocateNothing()
    {
        var measured = RunTenModules(statusBoard: false, HeartbeatClockMode.Sender, reloadAt: T + 30);

        Assert.That(measured.Allocated, Is.Zero, $"bytes allocated by {measured.Passes} passes after a reload");
    }

    [Test]
    public void WithAStatusBoardOnlyPublishingPassesAllocateAndNeverMoreForMoreMessages()
    {
        var measured = RunTenModules(statusBoard: true, HeartbeatClockMode.Sender);

        Assert.That(measured.Publications, Has.Count.EqualTo(MeasuredEnd - WarmUpEnd), "a snapshot every second");
        Assert.That(measured.Allocated, Is.Zero, $"bytes allocated by {measured.Passes - measured.Publications.Count} passes that published nothing");
        Assert.That(measured.Publications.Select(p => p.Messages).Distinct().Count(), Is.GreaterThan(1), "publishing passes read different numbers of messages");
        Assert.That(measured.Publications.Select(p => p.Bytes).Distinct(), Has.Exactly(1).Items,
            "what a snapshot costs does not depend on the messages read: " + string.Join(", ", measured.Publications.Take(12)));
    }

    [Test]
    public void WithASilenceInForcePassesAllocateNothing()
    {
        using var dir = new TempDirectory("sil");
        var path = dir.PathOf("statmgr_silences.json");
        var silence = new Silence(1, Silence.All, DateTimeOffset.FromUnixTimeSeconds(T).UtcDateTime,
            DateTimeOffset.FromUnixTimeSeconds(MeasuredEnd + 60).UtcDateTime, "alice", "network work");
        SilencesFile.Write(path, new SilencesDocument(SilencesDocument.CurrentVersion, 2, [silence]), 1);
        var log = new CollectingLogit();
        using var watcher = new SilencesWatcher(path, log);
        watcher.Poll();

        var measured = RunTenModules(statusBoard: false, HeartbeatClockMode.Sender, silences: new SilenceKeeper(watcher, log));

        Assert.That(log.Entries.Select(e => e.Text), Is.EqualTo(new[] { $"statmgr: {silence.Describe()}\n" }), "the silence was in force");
        Assert.That(measured.Allocated, Is.Zero, $"bytes allocated by {measured.Passes} passes with a silence in force");
    }

    /// <summary>Ten modules beat on a real ring (with <paramref name="silences"/> kept, if any); the passes after the warm-up are measured.</summary>
    /// <param name="reloadAt">A second in the warm-up at which an unchanged configuration is reloaded; null: none.</param>
    private Steady RunTenModules(bool statusBoard, HeartbeatClockMode heartbeatClock, long? reloadAt = null, SilenceKeeper? silences = null)
    {
        var key = Keys.Next();
        using var writer = SystemVRing.Create("STATUS_RING", key, 64 * 1024);
        var h = new MonitorHarness { AttachRing = (name, ringKey) => SystemVRing.Attach(name, ringKey), Silences = silences };
        h.Board = statusBoard ? new StatusBoard(h.Time) : null;
        h.Config.RingKey = key;
        h.Config.HeartbeatPageit = PageitSeconds;
        h.Config.HeartbeatClock = heartbeatClock;
        h.Pick.HeartbeatTsec = 0;
        for (var i = 0; i < ModuleCount; i++)
        {
            h.AddModule($"mod{i}", $"MOD_{i}", (byte)(FirstModule + i), tsec: 3 * BeatSeconds);
        }
        var manager = h.Start();
        h.Log.Clear();
        Steady measured;
        try
        {
            // The warm-up keeps each module's pid, sends the first pageit beats and runs the static
            // initialisation; the same again is then measured.
            if (reloadAt is long reload)
            {
                RunUntil(h, writer, reload);
                h.Reload(h.NextConfig());
                Assert.That(h.ReloadLines, Is.EqualTo(new[] { "statmgr: reload: no changes\n", "statmgr: reload done\n" }));
            }
            RunUntil(h, writer, WarmUpEnd);
            measured = RunUntil(h, writer, MeasuredEnd);
        }
        finally
        {
            manager.Rings.Dispose();
        }

        Assert.That(h.Reports, Is.Empty, "no module may die while all beat");
        var lastBeat = MeasuredEnd - 1 - (MeasuredEnd - 1 - T) % BeatSeconds;
        Assert.That(Enumerable.Range(0, ModuleCount).Select(i => h.Module((byte)(FirstModule + i)).Timer),
            Is.All.EqualTo(lastBeat), "every heartbeat was read and parsed");
        Assert.That(PageitBeats(writer), Is.EqualTo((MeasuredEnd - 1 - T) / PageitSeconds), "the pageit beats went out");
        Assert.That(measured.QuietPasses, Is.GreaterThan(0), "passes without a message were measured too");
        return measured;
    }

    /// <summary>Passes as the main loop runs them, second after second, with the beats put at the start of every fifth.</summary>
    private static Steady RunUntil(MonitorHarness h, TransportRing writer, long end)
    {
        var steady = new Steady();
        var beatPut = false;
        while (h.Now < end)
        {
            var second = h.Now;
            if ((second - T) % BeatSeconds == 0)
            {
                Beat(writer, second);
                beatPut = true;
            }
            while (h.Now == second)
            {
                var published = h.Board?.Published;
                var read = h.Manager!.Rings.Monitored[0].MessagesRead;
                var before = GC.GetAllocatedBytesForCurrentThread();
                var pass = h.Manager!.RunPass();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (h.Board?.Published != published)
                {
                    steady.Publications.Add((h.Manager.Rings.Monitored[0].MessagesRead - read, allocated));
                }
                else
                {
                    steady.Allocated += allocated;
                }
                steady.Passes++;
                steady.QuietPasses += beatPut ? 0 : 1;
                beatPut = false;
                Assert.That(pass.Stop, Is.False);
                h.Waiter.Wait(pass.Wait);
            }
        }
        return steady;
    }

    private static void Beat(TransportRing writer, long second)
    {
        for (var i = 0; i < ModuleCount; i++)
        {
            var status = writer.Put(From((byte)(FirstModule + i), Types.Heartbeat), Encoding.Latin1.GetBytes($"{second} {FirstPid + i}\n"));
            Assert.That(status, Is.EqualTo(PutStatus.Ok));
        }
    }

    private static int PageitBeats(TransportRing ring)
    {
        var buffer = new byte[512];
        var beats = 0;
        while (ring.GetMessage([From(ModStatmgr, Types.Page)], buffer, out _, out var length) != GetStatus.None)
        {
            beats += Text(buffer[..length]) == "alive:ewhost#" ? 1 : 0;
        }
        return beats;
    }

    private sealed class Steady
    {
        public long Allocated { get; set; }

        public int Passes { get; set; }

        public int QuietPasses { get; set; }

        /// <summary>The passes that published a snapshot: messages they read, bytes they allocated.</summary>
        public List<(long Messages, long Bytes)> Publications { get; } = new();
    }
}

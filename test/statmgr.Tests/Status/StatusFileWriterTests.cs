using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;
using Statmgr.Status;

namespace Statmgr.Tests.Status;

/// <summary>
/// The status file: written atomically from the board, when what it says changed or every 5 s of
/// the board's (fake) clock, a failure logged once, and a last write when statmgr stops.
/// </summary>
public class StatusFileWriterTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1709658100);

    private FakeTimeProvider _clock = null!;
    private StatusBoard _board = null!;
    private CollectingLogit _log = null!;
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Start);
        _board = new StatusBoard(_clock);
        _log = new CollectingLogit();
        _directory = new TempDirectory("smstatus");
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    private string FilePath => _directory.PathOf("statmgr_status.json");

    private StatusFileWriter Writer(string? path = null) => new(_board, path ?? FilePath, _log);

    /// <summary>A snapshot taken now, with <paramref name="modules"/> modules, the first in <paramref name="state"/>.</summary>
    private StatusSnapshot Snapshot(ModuleState state = ModuleState.Alive, int modules = 1)
    {
        var now = _clock.GetUtcNow();
        var list = Enumerable.Range(0, modules).Select(i => new ModuleStatus($"mod{i}", "ewhost", 2, 10 + i % 200, "STATUS_RING",
            i == 0 ? state : ModuleState.Alive, "4321", Start, (long)(now - Start).TotalSeconds, 30, Start, 0,
            new ReportStatus(0, 0, 0, 2, 0, 5), [new ErrorReportStatus(3, new ReportStatus(0, 0, 0, 1, 0, 10))])).ToArray();
        return new StatusSnapshot(StatusSnapshot.CurrentVersion, now, new StatmgrProcessStatus(777, Start, "statmgr.d", now), list,
            [new RingStatus("STATUS_RING", 0, 0, 0)], new MailStatus(0, 0, 0, 0));
    }

    private static string Json(StatusSnapshot snapshot) => JsonSerializer.Serialize(snapshot, StatusJson.Default.StatusSnapshot) + "\n";

    private string FileText => File.ReadAllText(FilePath);

    /// <summary>One second later: the loop publishes a snapshot in which only the clock's fields moved.</summary>
    private StatusSnapshot NextSecond(ModuleState state = ModuleState.Alive)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        var snapshot = Snapshot(state);
        _board.Publish(snapshot);
        return snapshot;
    }

    [Test]
    public void WritesWhenTheSnapshotSaysSomethingNewAndOtherwiseEveryFiveSeconds()
    {
        using var writer = Writer();
        Assert.That(writer.WriteIfDue(), Is.False, "nothing published yet");
        Assert.That(File.Exists(FilePath), Is.False);

        var first = Snapshot();
        _board.Publish(first);
        Assert.That(writer.WriteIfDue(), Is.True, "the first snapshot");
        Assert.That(FileText, Is.EqualTo(Json(first)));

        NextSecond();
        Assert.That(writer.WriteIfDue(), Is.False, "only the times and heartbeat ages moved");
        var dead = NextSecond(ModuleState.Dead);
        Assert.That(writer.WriteIfDue(), Is.True, "a module died");
        Assert.That(FileText, Is.EqualTo(Json(dead)));
        Assert.That(writer.WriteIfDue(), Is.False, "the same snapshot again");

        for (var second = 1; second < 5; second++)
        {
            NextSecond(ModuleState.Dead);
            Assert.That(writer.WriteIfDue(), Is.False, $"{second} s after the last write");
        }
        var latest = NextSecond(ModuleState.Dead);
        Assert.That(writer.WriteIfDue(), Is.True, "5 s after the last write");
        Assert.That(FileText, Is.EqualTo(Json(latest)));

        // A stuck loop publishes nothing new: the same snapshot is written again, its pass time getting old.
        _clock.Advance(StatusFileWriter.RefreshInterval - TimeSpan.FromMilliseconds(1));
        Assert.That(writer.WriteIfDue(), Is.False);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(writer.WriteIfDue(), Is.True);
        Assert.That(FileText, Is.EqualTo(Json(latest)));
        Assert.That(_log.Entries, Is.Empty);
    }

    [Test]
    public void AReaderNeverSeesAPartFile()
    {
        using var writer = Writer();
        _board.Publish(Snapshot(modules: 400));
        Assert.That(writer.WriteIfDue(), Is.True);
        var written = 0;
        var reads = 0;
        var broken = new List<string>();
        var done = false;
        var reader = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(FilePath);
                }
                catch (IOException ex)
                {
                    broken.Add(ex.Message);
                    continue;
                }
                reads++;
                try
                {
                    var count = JsonSerializer.Deserialize(bytes, StatusJson.Default.StatusSnapshot)?.Modules.Count;
                    if (count != 400)
                    {
                        broken.Add($"{bytes.Length} bytes: {count} modules");
                    }
                }
                catch (JsonException ex)
                {
                    broken.Add($"{bytes.Length} bytes: {ex.Message}");
                }
            }
        });
        reader.Start();
        try
        {
            // Every write is a change: the first module goes dead and alive in turn.
            for (var i = 0; i < 200; i++)
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                _board.Publish(Snapshot(i % 2 == 0 ? ModuleState.Dead : ModuleState.Alive, modules: 400));
                written += writer.WriteIfDue() ? 1 : 0;
            }
        }
        finally
        {
            Volatile.Write(ref done, true);
            reader.Join();
        }

        Assert.That(written, Is.EqualTo(200));
        Assert.That(reads, Is.GreaterThan(0));
        Assert.That(broken, Is.Empty, $"{broken.Count} of {reads} reads saw a part of a file");
    }

    [Test]
    public void AFailedWriteIsLoggedOnceAndOnceMoreWhenWritingWorksAgain()
    {
        var missing = _directory.PathOf("gone");
        var path = Path.Combine(missing, "statmgr_status.json");
        using var writer = Writer(path);
        _board.Publish(Snapshot());
        Assert.That(writer.WriteIfDue(), Is.False);
        NextSecond(ModuleState.Dead);
        Assert.That(writer.WriteIfDue(), Is.False, "a change, tried again");
        _clock.Advance(StatusFileWriter.RefreshInterval);
        Assert.That(writer.WriteIfDue(), Is.False, "5 s later, tried again");

        Directory.CreateDirectory(missing);
        _clock.Advance(StatusFileWriter.RefreshInterval);
        Assert.That(writer.WriteIfDue(), Is.True);

        Assert.That(_log.Entries, Is.EqualTo(new[]
        {
            ("et", $"statmgr: cannot write the status file {path}: Could not find a part of the path '{path}.tmp'.; monitoring goes on\n"),
            ("et", $"statmgr: the status file {path} is written again\n"),
        }));
    }

    [Test]
    public void TheThreadWritesAndStopWritesTheLastSnapshotAndRemovesTheTempFile()
    {
        var writer = Writer();
        try
        {
            _board.Publish(Snapshot());
            writer.Start();
            var waited = Stopwatch.StartNew();
            while (!File.Exists(FilePath))
            {
                Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the thread did not write within 10 s");
                Thread.Sleep(10);
            }
            // Only the times move, and the fake clock stays short of 5 s: the thread does not write
            // this one, Stop does.
            var last = NextSecond();
            File.WriteAllText(writer.TempPath, "left over");
            writer.Dispose();
            Assert.That(FileText, Is.EqualTo(Json(last)));
        }
        finally
        {
            writer.Dispose();
        }

        Assert.That(Directory.GetFiles(_directory.Directory).Select(Path.GetFileName), Is.EqualTo(new[] { "statmgr_status.json" }));
    }
}

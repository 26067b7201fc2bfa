using Statmgr.Silences;

namespace Statmgr.Tests.Silences;

/// <summary>The silences file's strict reading and the duration an operator types.</summary>
public class SilencesFileTests
{
    private const string Good = "{\"version\":1,\"next_id\":4,\"silences\":[{\"id\":3,\"module\":\"pick_ew\",\"start\":\"2026-12-08T04:40:00Z\","
        + "\"until\":\"2026-12-08T06:40:00Z\",\"author\":\"alice\",\"reason\":\"digitizer swap\"}]}";

    [Test]
    public void TheContractsExampleReads()
    {
        var reading = SilencesFile.Parse(Good);
        Assert.That(reading.Problem, Is.Null);
        var silence = reading.Document!.Silences.Single();
        Assert.That(silence.Describe(), Is.EqualTo("silence #3 of pick_ew by alice until 2026-12-08 06:40:00 UTC: digitizer swap"));
        Assert.That(silence.ReportSuffix(), Is.EqualTo(" (silenced: #3 by alice until 2026-12-08 06:40:00 UTC: digitizer swap)"));
        Assert.That(silence.UntilSecond, Is.EqualTo(new DateTimeOffset(2026, 12, 8, 6, 40, 0, TimeSpan.Zero).ToUnixTimeSeconds()));
    }

    [TestCase("\"version\":1", "\"version\":2", "schema version 2; this statmgr reads version 1")]
    [TestCase("\"version\":1,", "", "no schema version: not a silences file")]
    [TestCase("\"next_id\":4", "\"next_id\":3", "silence #3: ids run from 1 to next_id - 1 (2)")]
    [TestCase("06:40:00Z", "06:40:00+01:00", "silence #3: start and until must be UTC whole seconds (2026-12-08T06:40:00Z)")]
    [TestCase("06:40:00Z", "06:40:00.5Z", "silence #3: start and until must be UTC whole seconds (2026-12-08T06:40:00Z)")]
    [TestCase("06:40:00Z", "03:40:00Z", "silence #3 ends before it starts")]
    [TestCase("\"pick_ew\"", "\"\"", "silence #3 names no module")]
    [TestCase("}]}", "},{\"id\":3,\"module\":\"x\",\"start\":\"2026-12-08T04:40:00Z\",\"until\":\"2026-12-08T06:40:00Z\",\"author\":\"a\",\"reason\":\"r\"}]}",
        "silence #3 is there twice")]
    public void AFileThatCannotBeTrustedIsRefused(string from, string to, string problem)
    {
        var reading = SilencesFile.Parse(Good.Replace(from, to, StringComparison.Ordinal));
        Assert.That((reading.Document, reading.Problem, reading.Line), Is.EqualTo(((SilencesDocument?)null, problem, 0)));
    }

    [TestCase("\"author\":\"alice\",", "")]
    [TestCase("\"author\":\"alice\"", "\"author\":null")]
    [TestCase("\"id\":3", "\"id\":\"3\"")]
    [TestCase("\"reason\"", "\"note\":1,\"reason\"")]
    public void AMissingNullWrongOrUnknownFieldIsAJsonProblem(string from, string to)
    {
        var reading = SilencesFile.Parse(Good.Replace(from, to, StringComparison.Ordinal));
        Assert.That(reading.Document, Is.Null);
        Assert.That(reading.Problem, Is.Not.Empty);
        Assert.That(reading.Line, Is.EqualTo(1));
    }

    [Test]
    public void AJsonErrorIsAtItsLineCountedFromOne()
    {
        var reading = SilencesFile.Parse("{\n  \"version\": 1,\n  \"next_id\": 4,\n  \"silences\": [ { \"id\": x } ]\n}\n");
        Assert.That(reading.Document, Is.Null);
        Assert.That(reading.Line, Is.EqualTo(4));
    }

    [Test]
    public void AMissingFileIsNoSilence()
    {
        var reading = SilencesFile.Read(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.json"));
        Assert.That(reading.Document, Is.SameAs(SilencesDocument.Empty));
    }

    [TestCase("90s", 90)]
    [TestCase("30m", 1800)]
    [TestCase("2h", 7200)]
    [TestCase("1d", 86400)]
    [TestCase("1h30m", 5400)]
    [TestCase("1d2h3m4s", 93784)]
    [TestCase("366d", 31622400)]
    public void DurationsRead(string text, int seconds)
    {
        Assert.That(SilenceDuration.Parse(text, out var problem), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        Assert.That(problem, Is.Null);
    }

    [TestCase("")]
    [TestCase("90")]
    [TestCase("h")]
    [TestCase("0s")]
    [TestCase("30m1h")]
    [TestCase("1h1h")]
    [TestCase("1.5h")]
    [TestCase("-1h")]
    [TestCase(" 1h")]
    [TestCase("2H")]
    [TestCase("367d")]
    [TestCase("9999999999s")]
    public void AnythingElseIsRefused(string text)
    {
        Assert.That(SilenceDuration.Parse(text, out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo($"invalid duration <{text}>: {SilenceDuration.Rule}"));
    }
}

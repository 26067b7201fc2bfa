using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Statmgr.Earthworm.Transport;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// make soak: 200 descriptors (statmgr's own and 199 modules) spread over three rings with
/// CheckAllRings, every module beating each second, a few at a time dying and coming back, and
/// errors at random. Afterwards every expected report must be in the log and nothing else: no
/// false death, no missing or extra error report, no missed messages; RSS may grow by less than
/// 5 MB after the first minute, and statmgr may use less than 2% of one core.
/// </summary>
internal static partial class Soak
{
    private const int Tsec = 3;
    private const long RssGrowthLimit = 5L << 20;
    private const double CpuLimitPercent = 2;

    public static int Run(Tools tools, SoakSettings settings, TextWriter output)
    {
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        var baselineAt = TimeSpan.FromSeconds(Math.Min(60, settings.Seconds / 2.0));
        using var site = new StressSite(tools, settings.KeyBase);
        foreach (var name in StressSite.RingNames)
        {
            site.CreateRing(name);
        }
        var modules = Enumerable.Range(0, 199)
            .Select(i => new ModuleSpec($"soak{i:D3}", (byte)(10 + i), Tsec, [(1, 1, 0), (2, 3, 10)]))
            .ToList();
        site.WriteConfig(modules, checkAllRings: true);
        using var startstop = new StartstopStandIn(site);
        using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(100));
        var statmgr = site.StartStatmgr();
        log.WaitForStartup(TimeSpan.FromSeconds(60));
        Progress(output, $"statmgr {statmgr.Id} watching {log.Count("Attaching to RING")} rings, {modules.Count + 1} descriptors; soak for {duration.TotalSeconds} s");

        var ringOf = modules.ToDictionary(m => m.Id, m => site.Rings[StressSite.RingNames[m.Id % 3]]);
        using var beater = new Beater(TimeSpan.FromSeconds(1));
        foreach (var module in modules)
        {
            beater.Add(module.Id, ringOf[module.Id]);
        }
        beater.Start();

        var expected = new SoakExpectations();
        var random = new Random(20261125);
        var stopped = new Dictionary<byte, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var nextStop = TimeSpan.FromSeconds(10);
        var nextError = TimeSpan.FromSeconds(2);
        var nextSample = TimeSpan.Zero;
        var nextProgress = TimeSpan.FromSeconds(60);
        long? rssBaseline = null;
        long rssMax = 0;
        long sharedBaseline = 0;
        var cpuBaseline = TimeSpan.Zero;
        var cpuBaselineAt = TimeSpan.Zero;
        var sequence = 0;
        while (clock.Elapsed < duration)
        {
            var now = clock.Elapsed;
            if (now >= nextSample)
            {
                nextSample = now + TimeSpan.FromSeconds(1);
                var rss = ProcessStats.Rss(statmgr.Id);
                if (rssBaseline is null && now >= baselineAt)
                {
                    (rssBaseline, cpuBaseline, cpuBaselineAt) = (rss, ProcessStats.Cpu(statmgr.Id), now);
                    sharedBaseline = ProcessStats.SharedRss(statmgr.Id);
                }
                rssMax = Math.Max(rssMax, rss);
                if (rssBaseline is null)
                {
                    rssMax = 0;
                }
            }
            // A few modules at a time die (no heartbeat for 6-15 s, so tsec 3 surely passes) and come back.
            if (now >= nextStop && now < duration - TimeSpan.FromSeconds(25))
            {
                var module = modules[random.Next(modules.Count)];
                if (!stopped.ContainsKey(module.Id))
                {
                    beater.Stop(module.Id);
                    expected.Died(module.Id);
                    stopped[module.Id] = now + TimeSpan.FromSeconds(6 + random.Next(10));
                }
                nextStop = now + TimeSpan.FromSeconds(3 + random.Next(15));
            }
            foreach (var (id, resumeAt) in stopped.Where(s => s.Value <= now).ToList())
            {
                beater.Resume(id);
                expected.CameBack(id);
                stopped.Remove(id);
            }
            if (now >= nextError)
            {
                var module = modules[random.Next(modules.Count)];
                var kind = random.Next(10);
                var (number, count) = kind < 4 ? ((short)1, 1) : kind < 8 ? ((short)2, 3) : kind < 9 ? ((short)2, 1) : ((short)5, 1);
                for (var i = 0; i < count; i++)
                {
                    var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                    var note = $"soak {module.Name} e{number} #{++sequence}.";
                    var status = ringOf[module.Id].Put(new Logo(SiteNumbers.Inst, module.Id, SiteNumbers.TypeError),
                        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{time} {number} {note}\n")));
                    if (status != PutStatus.Ok)
                    {
                        throw new InvalidOperationException($"error put failed: {status}");
                    }
                    expected.ErrorSent(module, number, time, note);
                }
                nextError = now + TimeSpan.FromMilliseconds(200 + random.Next(600));
            }
            if (now >= nextProgress)
            {
                nextProgress += TimeSpan.FromSeconds(60);
                Progress(output, $"{now.TotalSeconds:F0} s: {expected.DeathsCaused} deaths caused, {expected.ErrorsSent} errors sent, RSS {ProcessStats.Rss(statmgr.Id) / 1048576.0:F1} MB");
            }
            Thread.Sleep(50);
        }
        // The last deaths and reports have time to be logged.
        Thread.Sleep(TimeSpan.FromSeconds(Tsec + 3));
        var elapsed = clock.Elapsed;
        var cpu = ProcessStats.Cpu(statmgr.Id) - cpuBaseline;
        var cpuPercent = 100 * cpu.TotalSeconds / (elapsed - cpuBaselineAt).TotalSeconds;
        var sharedGrowth = ProcessStats.SharedRss(statmgr.Id) - sharedBaseline;
        var exit = site.StopStatmgr();
        return Verdict(output, log.Lines, modules, expected, (rssBaseline ?? 0, rssMax, sharedGrowth), cpuPercent, exit, beater.PutFailures, elapsed, baselineAt);
    }

    private static int Verdict(TextWriter output, List<LogLine> lines, List<ModuleSpec> modules, SoakExpectations expected,
        (long Baseline, long Max, long SharedGrowth) rss, double cpuPercent, int exit, long putFailures, TimeSpan elapsed, TimeSpan baselineAt)
    {
        var failures = new List<string>();
        var deathsSeen = 0;
        var wrongHealth = 0;
        foreach (var module in modules)
        {
            var seen = lines.Select(l => HealthOf(l.Text, module)).OfType<string>().ToList();
            deathsSeen += seen.Count(s => s == "module dead");
            var want = expected.Health.GetValueOrDefault(module.Id) ?? [];
            if (!seen.SequenceEqual(want))
            {
                wrongHealth++;
                failures.Add($"{module.Name}: reported [{string.Join(", ", seen)}], expected [{string.Join(", ", want)}]");
            }
        }
        var notesSeen = lines.Select(l => NotePattern().Match(l.Text)).Where(m => m.Success).Select(m => m.Value).ToList();
        var missing = expected.ReportedNotes.Except(notesSeen).ToList();
        var extra = notesSeen.Except(expected.ReportedNotes).ToList();
        var doubled = notesSeen.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missed = lines.Count(IsMissedReport);
        var growth = rss.Max - rss.Baseline;

        if (missing.Count > 0)
        {
            failures.Add($"{missing.Count} expected error report(s) missing, e.g. {missing[0]}");
        }
        if (extra.Count + doubled.Count > 0)
        {
            failures.Add($"{extra.Count} unexpected and {doubled.Count} repeated error report(s), e.g. {extra.Concat(doubled).First()}");
        }
        if (missed > 0)
        {
            failures.Add($"{missed} \"Missed msg(s)\" report(s), e.g. {lines.First(IsMissedReport).Text}");
        }
        if (growth >= RssGrowthLimit)
        {
            failures.Add($"RSS grew by {growth / 1048576.0:F1} MB after {baselineAt.TotalSeconds:F0} s");
        }
        if (cpuPercent >= CpuLimitPercent)
        {
            failures.Add($"statmgr used {cpuPercent:F2}% of one core");
        }
        if (exit != 0)
        {
            failures.Add($"statmgr exited with {exit} when told to stop");
        }
        if (putFailures > 0)
        {
            failures.Add($"{putFailures} heartbeat put(s) failed");
        }

        output.WriteLine();
        output.WriteLine($"soak summary ({elapsed.TotalSeconds:F0} s, {modules.Count + 1} descriptors, 3 rings)");
        output.WriteLine($"  deaths caused / reported:        {expected.DeathsCaused} / {deathsSeen}   (modules with a wrong dead/alive sequence: {wrongHealth})");
        output.WriteLine($"  errors sent / reports expected:  {expected.ErrorsSent} / {expected.ReportedNotes.Count}   (missing {missing.Count}, unexpected {extra.Count}, repeated {doubled.Count})");
        output.WriteLine($"  Missed msg(s) reports:           {missed}");
        output.WriteLine($"  RSS at {baselineAt.TotalSeconds:F0} s / highest after:     {rss.Baseline / 1048576.0:F1} MB / {rss.Max / 1048576.0:F1} MB   (growth {growth / 1048576.0:F2} MB, limit 5 MB;");
        output.WriteLine($"                                   {rss.SharedGrowth / 1048576.0:F2} MB of it ring pages read for the first time, at most the rings' 3 MB)");
        output.WriteLine($"  statmgr CPU after {baselineAt.TotalSeconds:F0} s:          {cpuPercent:F2}% of one core   (limit 2%)");
        output.WriteLine($"  statmgr exit status:             {exit}");
        foreach (var failure in failures.Take(20))
        {
            output.WriteLine($"  FAIL: {failure}");
        }
        output.WriteLine(failures.Count == 0 ? "soak: PASS" : $"soak: FAIL ({failures.Count} problem(s))");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>statmgr's error 4 report (not the configuration dump's copy of its text).</summary>
    private static bool IsMissedReport(LogLine line) =>
        line.Text.StartsWith("UTC_", StringComparison.Ordinal) && line.Text.Contains("Missed msg(s)", StringComparison.Ordinal);

    private static string? HealthOf(string line, ModuleSpec module)
    {
        var prefix = $"/{module.Name} ({module.IdName}) ";
        var at = line.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0 || !line.StartsWith("UTC_", StringComparison.Ordinal))
        {
            return null;
        }
        var text = line[(at + prefix.Length)..];
        return text.StartsWith("module dead", StringComparison.Ordinal) ? "module dead"
            : text.StartsWith("module alive", StringComparison.Ordinal) ? "module alive" : null;
    }

    private static void Progress(TextWriter output, string text) => output.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    [GeneratedRegex(@"soak soak\d{3} e\d+ #\d+\.")]
    private static partial Regex NotePattern();
}

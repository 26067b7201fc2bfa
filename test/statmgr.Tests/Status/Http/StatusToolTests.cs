using System.Diagnostics;
using System.Text.Json;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// The listener's output read by the real programs it is made for: promtool checks /metrics,
/// a Prometheus server scrapes it, headless Chromium loads the page. Each is skipped, with the
/// reason, where its Debian package is not installed.
/// </summary>
public class StatusToolTests : StatusListenerTestBase
{
    /// <summary>How long Prometheus gets to start, scrape and answer: it scrapes once a second.</summary>
    private static readonly TimeSpan PrometheusLimit = TimeSpan.FromSeconds(90);

    [Test]
    public async Task PromtoolAcceptsTheMetrics()
    {
        var promtool = HostCapabilities.RequireProgram("promtool", "prometheus");
        Listen();
        PublishEveryState();
        var metrics = (await GetAsync("/metrics")).Body;

        var start = ChildProgram.StartInfo(promtool, ["check", "metrics"], redirectInput: true);
        using var process = ChildProgram.Start(start);
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(ChildProgram.RunLimit), Is.True, "promtool did not finish");

        Assert.That((process.ExitCode, await stdout + await stderr), Is.EqualTo((0, "")), metrics);
    }

    [Test]
    public async Task PrometheusIngestsTheDeadModuleAsDown()
    {
        var prometheus = HostCapabilities.RequireProgram("prometheus", "prometheus");
        Listen();
        PublishEveryState();
        using var directory = new TempDirectory("statmgr-prometheus-");
        var config = directory.Write("prometheus.yml", $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: statmgr
                static_configs:
                  - targets: ['{At}']
            """);
        var port = RunningProgram.FreeLoopbackPort();
        using var server = new RunningProgram(prometheus,
        [
            "--config.file=" + config,
            "--storage.tsdb.path=" + directory.PathOf("data"),
            $"--web.listen-address=127.0.0.1:{port}",
        ]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var query = $"http://127.0.0.1:{port}/api/v1/query?query=" + Uri.EscapeDataString($"statmgr_module_up{{module=\"{StatusSamples.DeadModule}\"}}");

        var watch = Stopwatch.StartNew();
        string? value = null;
        while (value is null)
        {
            Assert.That(server.HasExited, Is.False, server.Output);
            Assert.That(watch.Elapsed, Is.LessThan(PrometheusLimit), $"no sample of statmgr_module_up for {StatusSamples.DeadModule}:\n{server.Output}");
            value = await QueryAsync(http, query);
            if (value is null)
            {
                await Task.Delay(250);
            }
        }

        Assert.That(value, Is.EqualTo("0"));
    }

    /// <summary>The first result's value, or null while Prometheus is not up or has no sample yet.</summary>
    private static async Task<string?> QueryAsync(HttpClient http, string query)
    {
        try
        {
            using var answer = JsonDocument.Parse(await http.GetStringAsync(query));
            var results = answer.RootElement.GetProperty("data").GetProperty("result");
            return results.GetArrayLength() == 0 ? null : results[0].GetProperty("value")[1].GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }
}

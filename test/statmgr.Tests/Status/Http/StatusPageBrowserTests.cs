using System.Text.Json;
using System.Text.RegularExpressions;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// The status page in a real browser: headless Chromium (Debian package) loads it from the
/// listener, its DOM shows the dead module's row first and marked dead, its network log shows
/// that the page fetched nothing but from the listener, and a screenshot is kept with the test's
/// output. Skipped, with the reason, where Chromium is not installed.
/// </summary>
public partial class StatusPageBrowserTests : StatusListenerTestBase
{
    /// <summary>
    /// Chromium as a test needs it: no sandbox (tests may run as root), no GPU, and none of the
    /// browser's own background traffic that can be turned off (its remaining requests are not
    /// the page's and are told apart in the network log).
    /// </summary>
    private static readonly string[] Headless =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,720",
    ];

    [GeneratedRegex("<tr class=\"([a-z_]+)\" data-state=\"[a-z_]+\" data-module=\"([^\"]*)\">")]
    private static partial Regex ModuleRow();

    [Test]
    public void ChromiumShowsTheDeadModuleFirstMarkedDeadAndThePageFetchesNothingElse()
    {
        var chromium = HostCapabilities.RequireProgram("chromium", "chromium");
        Listen();
        PublishEveryState();
        using var directory = new TempDirectory("statmgr-chromium-");
        var page = $"http://{At}/";
        var netLog = directory.PathOf("netlog.json");

        var dom = RunChromium(chromium, directory, [$"--log-net-log={netLog}", "--dump-dom", page]);
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "status-page.png");
        RunChromium(chromium, directory, [$"--screenshot={screenshot}", page]);
        TestContext.AddTestAttachment(screenshot, "the status page in headless Chromium");

        var rows = ModuleRow().Matches(dom).Select(row => (State: row.Groups[1].Value, Module: row.Groups[2].Value)).ToArray();
        Assert.That(rows, Has.Length.EqualTo(5), dom);
        Assert.That(rows[0], Is.EqualTo(("dead", StatusSamples.DeadModule)));
        Assert.That(dom, Does.Contain($"<td>{StatusSamples.DeadModule}</td><td>{StatusSamples.System}</td>\n<td class=\"state\">dead</td>"));
        var requests = PageRequests(netLog);
        Assert.That(requests, Does.Contain(page), "the page's own load is in the network log");
        Assert.That(requests.Where(url => !url.StartsWith(page, StringComparison.Ordinal)), Is.Empty, "requests the page made elsewhere");
        Assert.That(Listener.Answered, Is.EqualTo(2), "one load for the DOM, one for the screenshot: no favicon, nothing else");
        Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(1000), "a screenshot");
    }

    private static string RunChromium(string chromium, TempDirectory directory, string[] arguments)
    {
        var outcome = ChildProgram.Run(ChildProgram.StartInfo(chromium,
            [.. Headless, $"--user-data-dir={directory.PathOf("profile")}", .. arguments],
            new Dictionary<string, string?> { ["HOME"] = directory.Directory }));
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Stderr);
        return outcome.Stdout;
    }

    /// <summary>
    /// The URL of every request made on behalf of a page from the listener's site: Chromium keys
    /// each request with the site of the top frame it serves (network_isolation_key), so the
    /// browser's own requests (updates, time, accounts), keyed "null" or with Google's sites, are
    /// not counted, and any request the page itself made, to wherever, is.
    /// </summary>
    private List<string> PageRequests(string netLog)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(netLog));
        var startJob = log.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var site = $"http://{At.Address}";
        var urls = new List<string>();
        foreach (var entry in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (entry.GetProperty("type").GetInt32() == startJob
                && entry.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("network_isolation_key", out var key)
                && key.GetString() is { } isolation && isolation.StartsWith(site + " ", StringComparison.Ordinal))
            {
                urls.Add(parameters.GetProperty("url").GetString()!);
            }
        }
        return urls;
    }
}

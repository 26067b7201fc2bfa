using System.Text.RegularExpressions;
using Statmgr.Status;

namespace Statmgr.Tests.Status.Http;

/// <summary>The status page as the listener serves it: order, states, escaping, and nothing to fetch.</summary>
public partial class StatusPageTests : StatusListenerTestBase
{
    [GeneratedRegex("<tr class=\"([a-z_]+)\" data-state=\"([a-z_]+)\" data-module=\"([^\"]*)\">")]
    private static partial Regex ModuleRow();

    [Test]
    public async Task ModulesAreListedWorstFirstEachMarkedWithItsState()
    {
        Listen();
        PublishEveryState();

        var page = await GetAsync("/");

        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Headers["Content-Type"], Is.EqualTo("text/html; charset=utf-8"));
        var rows = ModuleRow().Matches(page.Body).Select(row => (row.Groups[1].Value, row.Groups[3].Value)).ToArray();
        Assert.That(rows, Is.EqualTo(new[]
        {
            ("dead", "pick_ew"),
            ("restart_requested", "restarted_ew"),
            ("stopped", "stopped_ew"),
            ("alive", "wave_serverV"),
            ("not_monitored", "ringtocoax"),
        }));
        Assert.That(page.Body, Does.Contain("<td class=\"state\">dead</td><td class=\"n\">95 s / 63 s</td>"));
        Assert.That(page.Body, Does.Contain("<td class=\"state\">not monitored</td><td class=\"n\">not watched</td>"));
        Assert.That(page.Body, Does.Contain("<li>heartbeat: 2 sent, 1 suppressed, pages 1/1, mails 2/no limit</li><li>err 3: 5 sent, 0 suppressed, pages 5/10, mails 0/0</li></ul>"));
        Assert.That(page.Body, Does.Not.Contain("err 4:"), "an err: rule that made no report is left out");
        Assert.That(page.Body, Does.Contain("<p id=\"summary\">1 dead, 1 restart requested, 1 stopped, 1 alive, 1 not monitored</p>"));
        Assert.That(page.Body, Does.Contain("<tr><td>HYPO_RING</td><td class=\"n\">1200</td><td class=\"n\">3</td><td class=\"n\">7</td></tr>"));
        Assert.That(page.Body, Does.Contain("<p id=\"mail\">2 queued, 1 waiting for a retry, 17 sent, 4 failed.</p>"));
    }

    [Test]
    public async Task ThePageReloadsItselfAndFetchesNothing()
    {
        Listen();
        PublishEveryState();

        var body = (await GetAsync("/")).Body;

        Assert.That(body, Does.Contain("<meta http-equiv=\"refresh\" content=\"5\">"));
        Assert.That(body, Does.Contain("<link rel=\"icon\" href=\"data:,\">"), "no favicon request");
        Assert.That(body, Does.Not.Contain("<script").And.Not.Contain("src=").And.Not.Contain("@import").And.Not.Contain("url("));
        Assert.That(Regex.Matches(body, "href=\"([^\"]*)\"").Select(match => match.Groups[1].Value), Is.EqualTo(new[] { "data:," }));
    }

    [Test]
    public async Task TextFromDescriptorsIsEscaped()
    {
        Listen();
        var hostile = StatusSamples.Module("<script>alert(1)</script>", ModuleState.Dead, age: 1, tsec: 5) with
        {
            System = "a&b\"c",
            Ring = "<b>RING</b>",
            Pid = "<i>",
        };
        Board.Publish(StatusSamples.EveryState(Clock.GetUtcNow()) with { Modules = [hostile] });

        var body = (await GetAsync("/")).Body;

        Assert.That(body, Does.Not.Contain("<script>").And.Not.Contain("<b>RING").And.Not.Contain("<i>"));
        Assert.That(body, Does.Contain("data-module=\"&lt;script&gt;alert(1)&lt;/script&gt;\"><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>a&amp;b&quot;c</td>"));
        Assert.That(body, Does.Contain("<td>&lt;b&gt;RING&lt;/b&gt;</td>"));
    }

    [Test]
    public async Task AStuckLoopIsSaidAtTheTop()
    {
        Listen();
        PublishEveryState();
        Clock.Advance(TimeSpan.FromSeconds(12));

        var body = (await GetAsync("/")).Body;

        Assert.That(body, Does.Contain("<p class=\"stale\" id=\"stale\">statmgr's main loop last went round 12 s ago: it is stuck or stopped, and what follows is old.</p>"));
    }
}

using System.Text.Json;
using Statmgr.Status;

namespace Statmgr.Tests.Status.Http;

/// <summary>The listener's pages over a real socket, and what it answers to requests it does not serve.</summary>
public class StatusListenerTests : StatusListenerTestBase
{
    [Test]
    public async Task StatusJsonIsTheLatestSnapshot()
    {
        Listen();
        var snapshot = PublishEveryState();

        var answer = await GetAsync("/status.json");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Headers["Content-Type"], Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(answer.Body, Is.EqualTo(JsonSerializer.Serialize(snapshot, StatusJson.Default.StatusSnapshot)));
    }

    [Test]
    public async Task MetricsShowEachModuleUpOrDownByName()
    {
        Listen();
        PublishEveryState();

        var answer = await GetAsync("/metrics");

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(answer.Headers["Content-Type"], Is.EqualTo("text/plain; version=0.0.4; charset=utf-8"));
        var lines = answer.Body.Split('\n');
        Assert.That(lines, Does.Contain("statmgr_module_up{module=\"pick_ew\",system=\"ewhost1\"} 0"));
        Assert.That(lines, Does.Contain("statmgr_module_up{module=\"wave_serverV\",system=\"ewhost1\"} 1"));
        Assert.That(lines, Does.Contain("statmgr_module_up{module=\"restarted_ew\",system=\"ewhost1\"} 0"));
        Assert.That(lines, Does.Contain("statmgr_module_up{module=\"stopped_ew\",system=\"ewhost1\"} 0"));
        Assert.That(lines, Does.Contain("statmgr_module_up{module=\"ringtocoax\",system=\"ewhost1\"} 1"));
        Assert.That(lines, Does.Contain("statmgr_module_state{module=\"pick_ew\",system=\"ewhost1\",state=\"dead\"} 1"));
        Assert.That(lines, Does.Contain("statmgr_module_state{module=\"pick_ew\",system=\"ewhost1\",state=\"alive\"} 0"));
        Assert.That(lines, Does.Contain("statmgr_module_heartbeat_age_seconds{module=\"pick_ew\",system=\"ewhost1\"} 95"));
        Assert.That(lines, Does.Contain("statmgr_module_heartbeat_timeout_seconds{module=\"pick_ew\",system=\"ewhost1\"} 63"));
        Assert.That(lines, Does.Contain("statmgr_module_restarts_requested_total{module=\"restarted_ew\",system=\"ewhost1\"} 3"));
        Assert.That(lines, Does.Contain("statmgr_module_reports_total{module=\"pick_ew\",system=\"ewhost1\",report=\"heartbeat\",kind=\"sent\"} 2"));
        Assert.That(lines, Does.Contain("statmgr_module_reports_total{module=\"pick_ew\",system=\"ewhost1\",report=\"heartbeat\",kind=\"suppressed\"} 1"));
        Assert.That(lines, Does.Contain("statmgr_module_reports_total{module=\"pick_ew\",system=\"ewhost1\",report=\"3\",kind=\"sent\"} 5"));
        Assert.That(lines, Does.Contain("statmgr_module_pages_total{module=\"pick_ew\",system=\"ewhost1\",report=\"3\"} 5"));
        Assert.That(lines, Does.Contain("statmgr_module_page_limit{module=\"pick_ew\",system=\"ewhost1\",report=\"3\"} 10"));
        Assert.That(lines, Does.Contain("statmgr_module_mails_total{module=\"pick_ew\",system=\"ewhost1\",report=\"heartbeat\"} 2"));
        Assert.That(lines, Does.Contain("statmgr_module_mail_limit{module=\"pick_ew\",system=\"ewhost1\",report=\"heartbeat\"} -1"));
        Assert.That(lines, Does.Contain("statmgr_ring_messages_read_total{ring=\"WAVE_RING\"} 98765"));
        Assert.That(lines, Does.Contain("statmgr_ring_messages_missed_total{ring=\"HYPO_RING\"} 3"));
        Assert.That(lines, Does.Contain("statmgr_ring_lap_guard_waits_total{ring=\"HYPO_RING\"} 7"));
        Assert.That(lines, Does.Contain("statmgr_mails_sent_total 17"));
        Assert.That(lines, Does.Contain("statmgr_mails_failed_total 4"));
        Assert.That(lines, Does.Contain("statmgr_mails_queued 2"));
        Assert.That(lines, Does.Contain("statmgr_mails_retrying 1"));
        Assert.That(lines, Does.Contain("statmgr_loop_pass_age_seconds 0"));
        Assert.That(lines.Where(line => line.StartsWith("process_", StringComparison.Ordinal)), Is.Not.Empty, "the library's process metrics");
    }

    [Test]
    public async Task MetricsShowTheLoopPassAgeAtTheScrapeNotAtTheSnapshot()
    {
        Listen();
        PublishEveryState();
        Clock.Advance(TimeSpan.FromSeconds(7.5));

        var answer = await GetAsync("/metrics");

        Assert.That(answer.Body.Split('\n'), Does.Contain("statmgr_loop_pass_age_seconds 7.5"));
    }

    [Test]
    public async Task HealthzIsOkUntilTheLastPassIsThreeSecondsOld()
    {
        Listen();
        PublishEveryState();
        Clock.Advance(TimeSpan.FromMilliseconds(2999));

        var healthy = await GetAsync("/healthz");
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var stuck = await GetAsync("/healthz");

        Assert.That((healthy.Status, healthy.Body), Is.EqualTo((200, "ok: last pass 3.0 s ago\n")));
        Assert.That((stuck.Status, stuck.Body), Is.EqualTo((503, "stuck: last pass 3.0 s ago\n")));
    }

    [Test]
    public async Task BeforeTheFirstSnapshotThePagesSaySoAndHealthzFollowsTheLoop()
    {
        Listen();

        var json = await GetAsync("/status.json");
        var page = await GetAsync("/");
        var health = await GetAsync("/healthz");

        Assert.That((json.Status, json.Body), Is.EqualTo((503, "no snapshot yet: statmgr's main loop has not published one\n")));
        Assert.That(page.Status, Is.EqualTo(503));
        Assert.That(page.Body, Does.Contain("<p>No snapshot yet: statmgr's main loop has not published one.</p>"));
        Assert.That(health.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task HeadGetsTheHeadersOfGetWithoutTheBody()
    {
        Listen();
        PublishEveryState();

        var get = await GetAsync("/status.json");
        var head = await GetAsync("/status.json", "HEAD");

        Assert.That(head.Status, Is.EqualTo(200));
        Assert.That(head.Body, Is.Empty);
        Assert.That(head.Headers["Content-Length"], Is.EqualTo(get.Headers["Content-Length"]));
        Assert.That(int.Parse(get.Headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(get.Body)));
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("OPTIONS")]
    public async Task OnlyGetAndHeadAreServed(string method)
    {
        Listen();
        PublishEveryState();

        var answer = await GetAsync("/status.json", method);

        Assert.That(answer.Status, Is.EqualTo(405));
        Assert.That(answer.Headers["Allow"], Is.EqualTo("GET, HEAD"));
        Assert.That(answer.Body, Is.EqualTo("only GET and HEAD: this listener is read-only\n"));
    }

    [TestCase("/nowhere")]
    [TestCase("/metrics/")]
    [TestCase("/status.json.bak")]
    [TestCase("/../etc/passwd")]
    public async Task AnyOtherPathIsNotFound(string path)
    {
        Listen();

        var answer = await GetAsync(path);

        Assert.That((answer.Status, answer.Body), Is.EqualTo((404, "not found; try /, /metrics, /status.json or /healthz\n")));
    }

    [Test]
    public async Task AQueryStringDoesNotChangeThePage()
    {
        Listen();

        var answer = await GetAsync("/healthz?verbose=1");

        Assert.That(answer.Status, Is.EqualTo(200));
    }

    [TestCase("GET /\r\n\r\n")]
    [TestCase("GET / HTTP/2.0\r\n\r\n")]
    [TestCase("get / HTTP/1.1\r\n\r\n")]
    [TestCase("GET http://example.org/ HTTP/1.1\r\n\r\n")]
    [TestCase("\r\n\r\n")]
    public async Task ARequestLineThatIsNotHttp1IsABadRequest(string request)
    {
        Listen();

        var answer = await HttpExchange.SendAsync(At, request);

        Assert.That((answer.Status, answer.Body), Is.EqualTo((400, "bad request\n")));
    }

    [Test]
    public async Task AHeadOfUpTo8KiBIsReadAndALongerOneGets431()
    {
        Listen();
        const string line = "GET /healthz HTTP/1.1\r\n";
        var fits = line + "X-Pad: " + new string('a', 8192 - line.Length - "X-Pad: ".Length - 4) + "\r\n\r\n";
        var tooLong = line + "X-Pad: " + new string('a', 9000) + "\r\n\r\n";

        var answered = await HttpExchange.SendAsync(At, fits);
        var refused = await HttpExchange.SendAsync(At, tooLong);

        Assert.That(fits, Has.Length.EqualTo(8192));
        Assert.That(answered.Status, Is.EqualTo(200));
        Assert.That((refused.Status, refused.Body), Is.EqualTo((431, "request head too large\n")));
    }

    [Test]
    public async Task EveryAnswerClosesTheConnectionAndForbidsFetchingAnything()
    {
        Listen();

        var answer = await GetAsync("/");

        Assert.That(answer.Headers["Connection"], Is.EqualTo("close"));
        Assert.That(answer.Headers["Cache-Control"], Is.EqualTo("no-store"));
        Assert.That(answer.Headers["Content-Security-Policy"], Does.StartWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:;"));
        Assert.That(answer.Headers["Date"], Is.EqualTo("Mon, 08 Dec 2025 01:00:00 GMT"));
    }

    [Test]
    public void NothingTheListenerServesHasAPlaceForMailCredentials()
    {
        var served = typeof(StatusSnapshot).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(StatusSnapshot).Namespace && type.IsClass)
            .SelectMany(type => type.GetProperties())
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}");

        Assert.That(served.Where(name => name.Contains("Smtp", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("User", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }
}

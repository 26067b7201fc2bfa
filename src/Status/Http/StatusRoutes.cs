using System.Globalization;
using System.Text.Json;

namespace Statmgr.Status.Http;

/// <summary>
/// The status listener's pages, all read-only: <c>/</c> the status page, <c>/metrics</c> for
/// Prometheus, <c>/status.json</c> the latest snapshot, <c>/healthz</c> whether the main loop is
/// going round. GET and HEAD only. Each answer reads the board, never the loop's own state.
/// </summary>
internal sealed class StatusRoutes
{
    /// <summary>
    /// /healthz says 200 while the loop's last pass is younger than this. A healthy loop goes round
    /// at least once a second; three seconds leave room for a slow disk or a busy host.
    /// </summary>
    public static readonly TimeSpan HealthyPassAge = TimeSpan.FromSeconds(3);

    private const string Methods = "GET, HEAD";

    private readonly StatusBoard _board;
    private readonly StatusMetrics _metrics;

    public StatusRoutes(StatusBoard board, StatusMetrics metrics)
    {
        _board = board;
        _metrics = metrics;
    }

    /// <summary>The wall clock the answers' Date headers and the page are stamped with.</summary>
    public DateTimeOffset Now => _board.Time.GetUtcNow();

    public async ValueTask<HttpResponse> AnswerAsync(HttpRequestHead request, CancellationToken cancel)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return HttpResponse.Text(405, "only GET and HEAD: this listener is read-only\n", Methods);
        }
        var snapshot = _board.Latest;
        switch (request.Path)
        {
            case "/":
                return new HttpResponse(snapshot is null ? 503 : 200, StatusPage.ContentType,
                    StatusPage.Render(snapshot, _board.SinceLastPass, HealthyPassAge));
            case "/metrics":
                return new HttpResponse(200, StatusMetrics.ContentType, await _metrics.ExportAsync(cancel).ConfigureAwait(false));
            case "/status.json":
                return snapshot is null
                    ? NoSnapshotYet()
                    : new HttpResponse(200, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(snapshot, StatusJson.Default.StatusSnapshot));
            case "/healthz":
                return Health(_board.SinceLastPass);
            default:
                return HttpResponse.Text(404, "not found; try /, /metrics, /status.json or /healthz\n");
        }
    }

    private static HttpResponse NoSnapshotYet() =>
        HttpResponse.Text(503, "no snapshot yet: statmgr's main loop has not published one\n");

    private static HttpResponse Health(TimeSpan sinceLastPass)
    {
        var seconds = sinceLastPass.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return sinceLastPass < HealthyPassAge
            ? HttpResponse.Text(200, $"ok: last pass {seconds} s ago\n")
            : HttpResponse.Text(503, $"stuck: last pass {seconds} s ago\n");
    }
}

using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// A finished reading of the configuration for a reload, made off the main loop: what was read,
/// every problem found, and in CheckAllRings mode the rings startstop listed. With any error the
/// loop refuses it and changes nothing.
/// </summary>
/// <param name="Config">What was read; null when nothing usable was (the tables did not load).</param>
/// <param name="ModuleName">Module id to name, from the tables just read.</param>
/// <param name="StartstopRings">CheckAllRings' ring list from startstop; null when not asked or not answered.</param>
internal sealed record ReloadReading(
    StatmgrConfig? Config,
    byte LocalInstallation,
    StatusMessageTypes? Types,
    Func<byte, string?> ModuleName,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyList<StartstopRing>? StartstopRings = null)
{
    /// <summary>True when the reading must not be applied.</summary>
    public bool Refused => Config is null || Types is null || Problems.Any(p => p.Severity == ConfigProblemSeverity.Error);

    /// <summary>A reading that ended with <paramref name="text"/> before anything usable was read.</summary>
    public static ReloadReading Failed(string configPath, string text) =>
        new(null, 0, null, static _ => null, [new ConfigProblem(new ConfigLocation(configPath, 0), ConfigProblemSeverity.Error, text)]);

    /// <summary>
    /// Reads <paramref name="configPath"/> as a start does and, when it says CheckAllRings 1, asks
    /// startstop for its rings on an attachment of the RingName ring made for this reading alone,
    /// waiting on a wait of its own: the main loop is never held up or woken by it.
    /// </summary>
    /// <param name="attach">Attaches a ring by name and key (throws TransportRingException when it cannot).</param>
    /// <param name="logit">For startstop's ring list's own notes (entries it left out).</param>
    public static ReloadReading Read(string configPath, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        string programVersion, Func<string, long, ITransportRing> attach, ILogit logit)
    {
        var reading = ConfigurationReading.Read(configPath, environment, fileExists, processId, programVersion);
        if (reading.Result is not { } result || !reading.WouldStart)
        {
            return new ReloadReading(null, 0, null, static _ => null, reading.Problems.All);
        }
        var config = result.Config;
        var rings = config.CheckAllRings == 1 ? AskStartstop(config, result, reading.Problems, attach, logit) : null;
        return new ReloadReading(config, result.LocalInstallation, result.Types, result.Tables.GetModIdName, reading.Problems.All, rings);
    }

    private static IReadOnlyList<StartstopRing>? AskStartstop(StatmgrConfig config, StartupResult result, ConfigProblems problems,
        Func<string, long, ITransportRing> attach, ILogit logit)
    {
        var at = config.LinesOf("CheckAllRings") is { Count: > 0 } lines ? lines[^1] : new ConfigLocation(config.ConfigPath, 0);
        ITransportRing pageRing;
        try
        {
            pageRing = attach(config.RingName, config.RingKey);
        }
        catch (TransportRingException ex)
        {
            problems.RecordLoggedError(at, $"statmgr: {ex.Message}");
            return null;
        }
        using (pageRing)
        using (var wait = new WakeableWait())
        {
            var discovery = new RingDiscovery(pageRing,
                new Logo(result.LocalInstallation, config.MyModuleId, result.Types.ReqStatus),
                new Logo(result.LocalInstallation, 0, result.Types.Status),
                new StopSource(wait, result.ProcessId), new RingOutbox(logit), TextWriter.Null, TextWriter.Null, logit);
            if (discovery.Discover() is { } found)
            {
                return found;
            }
        }
        problems.RecordLoggedWarning(at, "statmgr: no ring list from startstop; the rings read now stay as they are");
        return null;
    }
}

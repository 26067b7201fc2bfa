using System.Diagnostics;
using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.TestSupport;
using static Statmgr.TestSupport.SiteNumbers;

namespace Statmgr.Stress;

/// <summary>
/// A throw-away Earthworm installation: EW_PARAMS with earthworm*.d, statmgr.d and descriptors;
/// EW_LOG; rings created as startstop would (keys from the process id, far from Earthworm's);
/// statmgr and other programs as child processes. Dispose ends every child it started and
/// removes every ring and directory, and so does a stop signal (see <see cref="Cleanup"/>).
/// </summary>
internal sealed class StressSite : IDisposable
{
    public const byte ModFlood = 3;
    public const byte TypeWaveform = 19;
    public const string SysName = "ewhost";

    /// <summary>The rings a site may create, in earthworm.d order: RingName first.</summary>
    public static readonly string[] RingNames = ["STATUS_RING", "WAVE_RING", "PICK_RING"];

    private static int s_sites;
    private readonly Dictionary<string, TransportRing> _rings = new();
    private readonly List<Process> _children = new();
    private readonly long _keyBase;
    private readonly TempDirectory _root = new("statmgr-stress-");
    private bool _disposed;

    public StressSite(Tools tools, long? keyBase = null)
    {
        Tools = tools;
        // 0x59000000 + (pid mod 65536) * 256 + 4 keys per site: no clash with tests (0x57...) or the ring bench (0x58...).
        _keyBase = keyBase ?? 0x59000000L + ((Environment.ProcessId & 0xFFFF) << 8) + 4 * (Interlocked.Increment(ref s_sites) % 64);
        ParamsDirectory = _root.PathOf("params");
        LogDirectory = _root.PathOf("log");
        Directory.CreateDirectory(ParamsDirectory);
        Directory.CreateDirectory(LogDirectory);
        Cleanup.Register(this);
    }

    public Tools Tools { get; }

    public string ParamsDirectory { get; }

    public string LogDirectory { get; }

    public Process? Statmgr { get; private set; }

    /// <summary>Where statmgr's status listener binds (a StatusListen line in statmgr.d); null: no listener, as a C-era statmgr.d.</summary>
    public System.Net.IPEndPoint? StatusListen { get; set; }

    public IReadOnlyDictionary<string, TransportRing> Rings => _rings;

    public long KeyOf(string ringName) => _keyBase + Array.IndexOf(RingNames, ringName);

    /// <summary>Creates a ring as startstop does; the returned attachment is this site's own.</summary>
    public TransportRing CreateRing(string name, int kilobytes = 1024)
    {
        var ring = SystemVRing.Create(name, KeyOf(name), kilobytes * 1024L);
        _rings[name] = ring;
        return ring;
    }

    /// <summary>Writes earthworm*.d, statmgr.d, statmgr.desc and one descriptor per module.</summary>
    public void WriteConfig(IReadOnlyList<ModuleSpec> modules, bool checkAllRings, int heartbeatPageit = 60)
    {
        Write("earthworm_global.d",
            " Installation   INST_WILDCARD      0\n Installation   INST_MENLO         2\n"
            + " Message  TYPE_WILDCARD          0\n Message  TYPE_ERROR             2\n"
            + " Message  TYPE_HEARTBEAT         3\n Message  TYPE_TRACEBUF2        19\n");
        var local = new StringBuilder();
        foreach (var name in RingNames)
        {
            local.Append(CultureInfo.InvariantCulture, $" Ring   {name,-12} {KeyOf(name)}\n");
        }
        local.Append(" Module   MOD_WILDCARD   0\n Module   MOD_STARTSTOP  1\n Module   MOD_STATMGR    2\n Module   MOD_FLOOD      3\n");
        foreach (var module in modules)
        {
            local.Append(CultureInfo.InvariantCulture, $" Module   {module.IdName,-14} {module.Id}\n");
        }
        local.Append(" Message  TYPE_PAGE      104\n Message  TYPE_RESTART   107\n Message  TYPE_REQSTATUS 108\n"
            + " Message  TYPE_STATUS    109\n Message  TYPE_STOP      113\n");
        Write("earthworm.d", local.ToString());

        var own = new StringBuilder("modName  statmgr\nmodId    MOD_STATMGR\ninstId   INST_MENLO\ntsec: 0  page: 0  mail: 0\n");
        string[] texts = ["Program starting.", "Program stopping.", "Invalid module_id or instid received.",
            "Error decoding ascii heartbeat or error.", "Missed msg(s).", "Msg too long for target.", "Transport tracking limit exceeded."];
        for (var i = 0; i < texts.Length; i++)
        {
            own.Append(CultureInfo.InvariantCulture, $"err: {i}  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"{texts[i]}\"\n");
        }
        Write("statmgr.desc", own.ToString());

        var statmgrD = new StringBuilder();
        statmgrD.Append(CultureInfo.InvariantCulture,
            $"MyModuleId   MOD_STATMGR\nRingName     STATUS_RING\nheartbeatPageit {heartbeatPageit}\npagegroup    ops\nLogFile      1\n"
            + $"GetStatusFrom INST_MENLO MOD_WILDCARD\nCheckAllRings {(checkAllRings ? 1 : 0)}\nDescriptor   statmgr.desc\n");
        foreach (var module in modules)
        {
            var desc = new StringBuilder();
            desc.Append(CultureInfo.InvariantCulture, $"modName  {module.Name}\nmodId    {module.IdName}\ninstId   INST_MENLO\ntsec: {module.Tsec}  page: 0  mail: 0\n");
            foreach (var (number, nerr, tsec) in module.Errors)
            {
                desc.Append(CultureInfo.InvariantCulture, $"err: {number}  nerr: {nerr}  tsec: {tsec}  page: 0  mail: 0\ntext: \"error {number} of {module.Name}\"\n");
            }
            Write(module.Name + ".desc", desc.ToString());
            statmgrD.Append(CultureInfo.InvariantCulture, $"Descriptor   {module.Name}.desc\n");
        }
        if (StatusListen is { } listen)
        {
            statmgrD.Append(CultureInfo.InvariantCulture, $"StatusListen {listen}\n");
        }
        Write("statmgr.d", statmgrD.ToString());
    }

    /// <summary>Starts statmgr as startstop would: cwd EW_PARAMS, argument statmgr.d.</summary>
    public Process StartStatmgr()
    {
        var start = ChildProgram.StartInfo(Tools.Statmgr, ["statmgr.d"], new Dictionary<string, string?>
        {
            ["EW_PARAMS"] = ParamsDirectory,
            ["EW_LOG"] = LogDirectory + "/",
            ["EW_INSTALLATION"] = "INST_MENLO",
            ["SYS_NAME"] = SysName,
        }, ParamsDirectory, redirectInput: true);
        Statmgr = Launch(start);
        return Statmgr;
    }

    /// <summary>ewmodule: heartbeats "time pid" on the ring every interval, for a while.</summary>
    public Process StartModule(string ring, byte module, int intervalMs, int durationMs) =>
        Start(Tools.Ewmodule, Text(KeyOf(ring)), Text(Inst), Text(module), Text(TypeHeartbeat), Text(intervalMs), Text(durationMs));

    /// <summary>ewring put: <paramref name="count"/> copies of the body at <paramref name="rate"/> a second.</summary>
    public Process StartFlood(string ring, byte module, byte type, string body, long count, long rate) =>
        Start(Tools.Ewring, "put", Text(KeyOf(ring)), Text(Inst), Text(module), Text(type), body, "--count", Text(count), "--rate", Text(rate));

    public Process Start(string program, params string[] arguments) => Launch(ChildProgram.StartInfo(program, arguments));

    /// <summary>Stops statmgr as startstop does (TERMINATE in the ring's flag); kills it after 10 s.</summary>
    public int StopStatmgr()
    {
        if (Statmgr is null || Statmgr.HasExited)
        {
            return Statmgr?.ExitCode ?? -1;
        }
        _rings["STATUS_RING"].SetFlag(RingFlag.Terminate);
        if (!Statmgr.WaitForExit(10_000))
        {
            Statmgr.Kill();
            Statmgr.WaitForExit();
            return -1;
        }
        Statmgr.WaitForExit();
        return Statmgr.ExitCode;
    }

    public void Dispose()
    {
        lock (_children)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (var child in _children)
            {
                ChildProgram.Stop(child);
            }
        }
        foreach (var ring in _rings.Values)
        {
            ring.Dispose();
        }
        foreach (var name in RingNames)
        {
            SystemVRing.Destroy(KeyOf(name));
        }
        _root.Dispose();
        Cleanup.Unregister(this);
    }

    private Process Launch(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        // Output is read and dropped, so that a full pipe can never stall a child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        lock (_children)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            process.Start();
            _children.Add(process);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Write(string name, string text) => _root.Write(Path.Combine("params", name), text);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

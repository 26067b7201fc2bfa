using System.Diagnostics;
using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Cli;
using Statmgr.Tests.Earthworm.Transport;
using Statmgr.Tests.Fixtures;
using static Statmgr.TestSupport.SiteNumbers;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// A little Earthworm installation for end-to-end runs: a temporary EW_PARAMS with tables and
/// statmgr files, a temporary EW_LOG, rings created as startstop would (keys unlikely to collide,
/// all removed on Dispose), the built statmgr as a child process, and simulated modules.
/// </summary>
internal sealed class StatmgrSite : IDisposable
{
    public const byte ModPick = 3;
    public const byte ModTank = 4;

    /// <summary>How long statmgr may take to start (a first run of a fresh build is slow).</summary>
    public static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    /// <summary>The startup report, logged once the main loop is built.</summary>
    public const string StartupReport = "ewhost/statmgr Program starting. Page sent.\n";

    private readonly TestRingKeys _keys = new();
    private readonly List<Process> _children = new();
    private readonly List<TransportRing> _rings = new();
    private readonly EwParamsFixture _params;
    private readonly TempDirectory? _log;
    private readonly string _logDirectory;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    /// <param name="logDirectory">EW_LOG, when the test brings its own (a small filesystem); a fresh one otherwise.</param>
    public StatmgrSite(string? logDirectory = null)
    {
        if (logDirectory is null)
        {
            _log = new TempDirectory("statmgr-e2e-log-");
            logDirectory = _log.Directory;
        }
        _logDirectory = logDirectory;
        StatusKey = _keys.Next();
        WaveKey = _keys.Next();
        _params = EwParamsFixture.CreateEmpty();
        _params.Write(EwParamsFixture.GlobalFileName, EwParamsFixture.StandardGlobal);
        _params.Write(EwParamsFixture.LocalFileName,
            $" Ring   WAVE_RING        {WaveKey}\n"
            + $" Ring   STATUS_RING      {StatusKey}\n"
            + " Module   MOD_WILDCARD          0\n"
            + " Module   MOD_STARTSTOP         1\n"
            + " Module   MOD_STATMGR           2\n"
            + " Module   MOD_PICK_EW           3\n"
            + " Module   MOD_TANKPLAYER        4\n"
            + " Module   MOD_SIM1             11\n"
            + " Module   MOD_SIM2             12\n"
            + " Module   MOD_SIM3             13\n"
            + " Module   MOD_SIM4             14\n"
            + " Message  TYPE_PAGE           104\n"
            + " Message  TYPE_RESTART        107\n"
            + " Message  TYPE_REQSTATUS      108\n"
            + " Message  TYPE_STATUS         109\n"
            + " Message  TYPE_STOP           113\n");
        _params.Write("statmgr.desc",
            "modName  statmgr\nmodId    MOD_STATMGR\ninstId   INST_MENLO\ntsec: 0  page: 0  mail: 0\n"
            + "err: 0  nerr: 1  tsec: 0  page: 1  mail: 0\ntext: \"Program starting.\"\n"
            + "err: 1  nerr: 1  tsec: 0  page: 1  mail: 0\ntext: \"Program stopping.\"\n"
            + "err: 2  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"Invalid module_id or instid received.\"\n"
            + "err: 3  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"Error decoding ascii heartbeat or error.\"\n"
            + "err: 4  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"Missed msg(s).\"\n"
            + "err: 5  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"Msg too long for target.\"\n"
            + "err: 6  nerr: 1  tsec: 0  page: 0  mail: 0\ntext: \"Transport tracking limit exceeded.\"\n");
    }

    public long StatusKey { get; }
    public long WaveKey { get; }
    public string ParamsDirectory => _params.Directory;

    /// <summary>EW_LOG: the log files, and the status file beside them.</summary>
    public string LogDirectory => _logDirectory;
    public Process? Statmgr { get; private set; }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Writes statmgr.d and the module descriptors (page groups ops and night unless <paramref name="pageGroups"/>
    /// names others); <paramref name="commands"/> are further statmgr.d lines, each ending in a newline. The
    /// simulated modules ask for a restart when they die unless <paramref name="simulatedRestart"/> is false.
    /// <paramref name="pickLines"/> end pick_ew.desc.
    /// </summary>
    public void WriteConfig(bool checkAllRings = false, int pickTsec = 3, int simulated = 0, int heartbeatPageit = 60,
        int simulatedTsec = 1, IReadOnlyList<string>? pageGroups = null, string commands = "", bool simulatedRestart = true,
        string pickLines = "")
    {
        var extra = new StringBuilder();
        for (int i = 1; i <= simulated; i++)
        {
            extra.Append($"Descriptor   sim{i}.desc\n");
            _params.Write($"sim{i}.desc", $"modName  sim{i}\nmodId    MOD_SIM{i}\ninstId   INST_MENLO\n{(simulatedRestart ? "restartMe\n" : "")}tsec: {simulatedTsec}  page: 0  mail: 0\n");
        }
        _params.Write("statmgr.d",
            "MyModuleId   MOD_STATMGR\n"
            + "RingName     STATUS_RING\n"
            + $"heartbeatPageit {heartbeatPageit}\n"
            + string.Concat((pageGroups ?? ["ops", "night"]).Select(g => $"pagegroup    {g}\n"))
            + "LogFile      1\n"
            + "GetStatusFrom INST_MENLO MOD_WILDCARD\n"
            + $"CheckAllRings {(checkAllRings ? 1 : 0)}\n"
            + "Descriptor   statmgr.desc\n"
            + "Descriptor   pick_ew.desc\n"
            + "Descriptor   tankplayer.desc\n"
            + extra
            + commands);
        _params.Write("pick_ew.desc",
            "modName  pick_ew\nmodId    MOD_PICK_EW\ninstId   INST_MENLO\nrestartMe\n"
            + $"tsec: {pickTsec}  page: 9  mail: 0\n" + pickLines);
        _params.Write("tankplayer.desc",
            "modName  tankplayer\nmodId    MOD_TANKPLAYER\ninstId   INST_MENLO\ntsec: 0  page: 0  mail: 0\n"
            + "err: 7  nerr: 3  tsec: 10  page: 1  mail: 0\ntext: \"Too many errors.\"\n");
    }

    /// <summary>Creates a ring as startstop does; this attachment is the test's own view of it.</summary>
    public TransportRing CreateRing(string name, long key, int kilobytes = 1024)
    {
        var ring = SystemVRing.Create(name, key, kilobytes * 1024L);
        _rings.Add(ring);
        return ring;
    }

    public static string StatmgrDll => Path.Combine(AppContext.BaseDirectory, "statmgr.dll");

    public static string EwmodulePath => ChildProgram.SiblingTool("ewmodule");

    public static string EwringPath => EwringTool.Path;

    /// <summary>
    /// startstop's part in CheckAllRings mode, until <paramref name="stop"/>: answers every
    /// TYPE_REQSTATUS on STATUS_RING with a TYPE_STATUS listing WAVE_RING and STATUS_RING.
    /// </summary>
    public Task AnswerStatusRequests(CancellationToken stop) => Task.Run(() =>
    {
        using var ring = SystemVRing.Attach("STATUS_RING", StatusKey);
        var buffer = new byte[512];
        Logo[] requests = [new Logo(Inst, 0, TypeReqStatus)];
        while (!stop.IsCancellationRequested)
        {
            if (ring.GetMessage(requests, buffer, out _, out _) is GetStatus.None)
            {
                Thread.Sleep(10);
                continue;
            }
            string text = StartstopStatus.Text(new("WAVE_RING", (int)WaveKey, 1024), new("STATUS_RING", (int)StatusKey, 1024));
            ring.Put(new Logo(Inst, ModStartstop, TypeStatus), Encoding.ASCII.GetBytes(text));
        }
    }, CancellationToken.None);

    /// <summary>Starts the built statmgr as Earthworm would: cwd EW_PARAMS, config statmgr.d.</summary>
    public Process StartStatmgr() => Launch(StatmgrStartInfo());

    /// <summary>
    /// Starts the built statmgr with every signal a test sends at its default action. A child
    /// inherits the signals its parent ignores, and a test run started in the background or under
    /// nohup ignores SIGHUP, SIGINT and SIGQUIT; statmgr, like any program, leaves those ignored.
    /// </summary>
    public Process StartStatmgrWithDefaultSignals()
    {
        var start = StatmgrStartInfo();
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=HUP,INT,QUIT,USR1,USR2,ALRM,TERM");
        start.FileName = "env";
        return Launch(start);
    }

    /// <summary>
    /// Starts the built statmgr with its stdout and stderr on pipes that the test holds open but
    /// never reads, as under a supervisor that hangs: once a pipe is full, a write to it waits.
    /// </summary>
    public Process StartStatmgrNobodyReads()
    {
        Statmgr = Track(ChildProgram.Start(StatmgrStartInfo()));
        return Statmgr;
    }

    private ProcessStartInfo StatmgrStartInfo()
    {
        var executable = StatmgrProcess.Executable;
        string[] arguments = executable is null ? [StatmgrDll, "statmgr.d"] : ["statmgr.d"];
        return ChildProgram.StartInfo(executable ?? "dotnet", arguments, EarthwormEnvironment, ParamsDirectory);
    }

    /// <summary>Runs another statmgr (<c>--status</c>, say) in this installation, as an operator would, and waits for it.</summary>
    public ProcessOutcome RunStatmgr(params string[] args) => StatmgrProcess.Run(ParamsDirectory, EarthwormEnvironment, args);

    /// <summary>Sends statmgr SIGTERM, as startstop's stop does.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Sends statmgr the signal named (<c>STOP</c>, <c>CONT</c>...) with kill(1).</summary>
    public void Signal(string name)
    {
        var kill = ChildProgram.Run(ChildProgram.StartInfo("kill", ["-" + name, Statmgr!.Id.ToString(CultureInfo.InvariantCulture)]));
        Assert.That(kill.ExitCode, Is.EqualTo(0), kill.Stderr);
    }

    /// <summary>
    /// Starts statmgr the way startstop does: cwd EW_PARAMS, stdin /dev/null, only the Earthworm
    /// variables and PATH in the environment (no HOME).
    /// </summary>
    public Process StartStatmgrLikeStartstop()
    {
        var executable = StatmgrProcess.Executable;
        var start = ChildProgram.StartInfo("/bin/sh",
            ["-c", executable is null ? "exec dotnet \"$0\" statmgr.d < /dev/null" : "exec \"$0\" statmgr.d < /dev/null", executable ?? StatmgrDll],
            workingDirectory: ParamsDirectory);
        string path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        string? dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        if (dotnetRoot is not null)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }
        foreach (var (name, value) in EarthwormEnvironment)
        {
            start.Environment[name] = value;
        }
        return Launch(start);
    }

    /// <summary>A simulated module: heartbeats with its own pid every interval, for a while, then silence.</summary>
    public Process StartModule(long ringKey, byte module, int intervalMs, int durationMs) =>
        Track(ChildProgram.Start(ChildProgram.StartInfo(EwmodulePath, Numbers(ringKey, Inst, module, TypeHeartbeat, intervalMs, durationMs))));

    /// <summary>The startstop stand-in (ewsupervisor) with these arguments, in EW_PARAMS with the site's Earthworm variables.</summary>
    public Process StartSupervisor(params string[] arguments) =>
        Track(ChildProgram.Start(ChildProgram.StartInfo(ChildProgram.SiblingTool("ewsupervisor"), arguments, EarthwormEnvironment, ParamsDirectory)));

    /// <summary>Runs <c>ewring put</c> in its own process and waits for it.</summary>
    public void EwringPut(long ringKey, byte module, byte type, string text, int count = 1, int rate = 0) =>
        Ewring(PutArguments(ringKey, module, type, text, count, rate));

    /// <summary>Runs ewring with these arguments (numbers, no EW_PARAMS) and waits for it; it must succeed.</summary>
    public void Ewring(params string[] arguments)
    {
        var (exitCode, _, error) = EwringTool.Run(arguments);
        Assert.That(exitCode, Is.EqualTo(0), error);
    }

    /// <summary>Starts <c>ewring put</c> in the background (a flood); stopped on Dispose.</summary>
    public Process StartEwringPut(long ringKey, byte module, byte type, string text, int count, int rate) =>
        Track(ChildProgram.Start(ChildProgram.StartInfo(EwringPath, PutArguments(ringKey, module, type, text, count, rate))));

    /// <summary>ewring put's arguments: the logo as numbers, the text, a count and (when positive) a rate a second.</summary>
    private static string[] PutArguments(long ringKey, byte module, byte type, string text, int count, int rate) =>
        [
            "put", .. Numbers(ringKey, Inst, module, type), text, "--count", Number(count),
            .. rate > 0 ? (string[])["--rate", Number(rate)] : [],
        ];

    /// <summary>Everything statmgr has logged (every day's file, in name order).</summary>
    public string Log()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(_logDirectory, "statmgr_*.log").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(reader.ReadToEnd());
        }
        return text.ToString();
    }

    /// <summary>The log after the configuration dump: what statmgr did.</summary>
    public string Messages()
    {
        string log = Log();
        const string marker = "*****  Start Message Log  *****\n";
        int at = log.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? log : log[(at + marker.Length)..];
    }

    /// <summary>Waits until the log holds <paramref name="count"/> occurrences of <paramref name="part"/>.</summary>
    public void WaitForLog(string part, TimeSpan timeout, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (Occurrences(Log(), part) < count)
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"no '{part}' (x{count}) in the log within {timeout.TotalSeconds} s:\n{Messages()}\nstderr:\n{Stderr}");
            }
            if (Statmgr is { HasExited: true })
            {
                Assert.Fail($"statmgr exited ({Statmgr.ExitCode}) before '{part}' was logged:\n{Messages()}\nstderr:\n{Stderr}");
            }
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Puts a heartbeat statmgr cannot decode and waits for the report of it: statmgr has then read
    /// everything put before it, and it checks the ring's flag right after each drain. Lets a test
    /// show that something did not happen without sleeping on a guess.
    /// </summary>
    public void CatchUp()
    {
        const string report = "ewhost/statmgr error decoding heartbeat time, non-numeric char <c> found at position 0, from mod:4\n";
        int seen = Occurrences(Log(), report);
        EwringPut(StatusKey, ModTank, TypeHeartbeat, "catch up\\n");
        WaitForLog(report, TimeSpan.FromSeconds(5), seen + 1);
    }

    /// <summary>Waits until statmgr's standard output (read as it comes) holds <paramref name="part"/>.</summary>
    public void WaitForStdout(string part, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Stdout.Contains(part, StringComparison.Ordinal))
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"no '{part}' on statmgr's stdout within {timeout.TotalSeconds} s:\n{Stdout}");
            }
            Thread.Sleep(20);
        }
    }

    public static int Occurrences(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    /// <summary>Waits for statmgr to exit and returns its status.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        Assert.That(Statmgr!.WaitForExit(timeout), Is.True, $"statmgr did not exit:\n{Messages()}");
        Statmgr.WaitForExit();
        return Statmgr.ExitCode;
    }

    public void Dispose()
    {
        foreach (var child in _children)
        {
            ChildProgram.Stop(child);
        }
        foreach (var ring in _rings)
        {
            ring.Dispose();
        }
        _keys.DestroyAll();
        _params.Dispose();
        _log?.Dispose();
    }

    private Dictionary<string, string?> EarthwormEnvironment => new()
    {
        ["EW_PARAMS"] = ParamsDirectory,
        ["EW_LOG"] = _logDirectory + "/",
        ["EW_INSTALLATION"] = "INST_MENLO",
        ["SYS_NAME"] = "ewhost",
    };

    private Process Track(Process process)
    {
        _children.Add(process);
        return process;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string[] Numbers(params long[] values) => [.. values.Select(Number)];

    private Process Launch(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            lock (_stdout)
            {
                _stdout.Append(e.Data).Append('\n');
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.Append(e.Data).Append('\n');
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Statmgr = Track(process);
        return process;
    }
}

using System.Text;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Time;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor;
using Statmgr.Monitor.Modules;
using Statmgr.Silences;
using Statmgr.Status;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// statmgr's monitor on in-memory rings and a fake clock, with the standard test tables:
/// INST_MENLO 2, MOD_STATMGR 2, MOD_PICK_EW 3, MOD_TANKPLAYER 4, STATUS_RING 1050.
/// </summary>
internal sealed class MonitorHarness
{
    public const long StartTime = 1709658100;

    /// <summary>Short for <see cref="StartTime"/>: the tests count their seconds from it (T + 31).</summary>
    public const long T = StartTime;
    public const byte Inst = 2;
    public const byte ModStatmgr = 2;
    public const byte ModPick = 3;
    public const byte ModTank = 4;
    public const int OwnPid = 777;

    public static readonly StatusMessageTypes Types = new(Heartbeat: 3, Error: 2, Page: 104, Restart: 107, Status: 109, Stop: 113, ReqStatus: 108);

    public MonitorHarness()
    {
        Time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(StartTime));
        Waiter = new FakeClockWaiter(Time);
        Stop = new StopSource(Waiter, OwnPid);
        Reloads = new ReloadRequest("statmgr.d", () => throw new InvalidOperationException("the harness reads no files: use Reload"), () => { }, Log);
        Ring = new InMemoryRing("STATUS_RING", 1050);
        Rings["STATUS_RING"] = Ring;
        Config = new StatmgrConfig
        {
            ConfigPath = "statmgr.d",
            MyModuleIdName = "MOD_STATMGR",
            MyModuleId = ModStatmgr,
            RingName = "STATUS_RING",
            RingKey = 1050,
            HeartbeatPageit = 60,
            LogFile = 1,
        };
        Config.PageGroups.Add("ops");
        Config.MailRecipients.Add("ops@example.org");
        Config.MailRecipients.Add("boss@example.org");
        Config.StatusSources.Add(new StatusSource("INST_MENLO", Inst, "MOD_WILDCARD", 0));

        Statmgr = NewDescriptor("statmgr", "MOD_STATMGR", ModStatmgr, 0, 0, 0);
        Statmgr.Errors.Add(new ErrorRule(0, 1, 0, 1, 1, "Program starting."));
        Statmgr.Errors.Add(new ErrorRule(1, 1, 0, 1, 1, "Program stopping."));
        Statmgr.Errors.Add(new ErrorRule(2, 1, 0, 0, 0, "Invalid module_id or instid received."));
        Statmgr.Errors.Add(new ErrorRule(3, 1, 0, 0, 0, "Error decoding ascii heartbeat or error."));
        Statmgr.Errors.Add(new ErrorRule(4, 1, 0, 0, 5, "Missed msg(s)."));
        Statmgr.Errors.Add(new ErrorRule(5, 1, 0, 0, 5, "Msg too long for target."));
        Statmgr.Errors.Add(new ErrorRule(6, 1, 0, 0, 5, "Transport tracking limit exceeded."));
        Pick = NewDescriptor("pick_ew", "MOD_PICK_EW", ModPick, 30, 2, 5);
        Pick.Errors.Add(new ErrorRule(3, 1, 0, 1, 10, "Station dead."));
        Config.Descriptors.Add(Statmgr);
        Config.Descriptors.Add(Pick);
    }

    public FakeTimeProvider Time { get; }
    public FakeClockWaiter Waiter { get; }

    /// <summary>The monitor's stop source; <see cref="StopSource.Request"/> stands in for a stop signal.</summary>
    public StopSource Stop { get; }
    public InMemoryRing Ring { get; }
    public Dictionary<string, InMemoryRing> Rings { get; } = new();
    public CollectingLogit Log { get; } = new();
    public RecordingMailSink Mail { get; } = new();

    /// <summary>A real mail sink to use instead of <see cref="Mail"/>.</summary>
    public Statmgr.Notify.IMailSink? MailSink { get; set; }
    /// <summary>Attaches rings instead of <see cref="Rings"/> (real System V rings, say).</summary>
    public Func<string, long, ITransportRing>? AttachRing { get; set; }

    /// <summary>Where the loop publishes its status snapshot; null (the default): no snapshot.</summary>
    public StatusBoard? Board { get; set; }

    /// <summary>The silences the monitor keeps; null (the default): nothing is ever silenced.</summary>
    public SilenceKeeper? Silences { get; set; }

    /// <summary>What the log file has lost, as the monitor sees it.</summary>
    public LogLosses LogLosses { get; set; }

    public StringWriter Out { get; } = new();
    public StringWriter Err { get; } = new();
    public StatmgrConfig Config { get; private set; }
    public Descriptor Statmgr { get; private set; }

    /// <summary>Where the monitor takes finished readings from; <see cref="Reload(StatmgrConfig)"/> hands one over.</summary>
    public ReloadRequest Reloads { get; }
    public Descriptor Pick { get; }
    public StatusManager? Manager { get; private set; }

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public static string Utc(long time) => "UTC_" + AscTime.Format(time);

    /// <summary>Adds a descriptor after the standard two.</summary>
    public Descriptor AddModule(string modName, string modIdName, byte modId, int tsec, int page = 0, int mail = 0)
    {
        var d = NewDescriptor(modName, modIdName, modId, tsec, page, mail);
        Config.Descriptors.Add(d);
        return d;
    }

    /// <summary>
    /// A copy of the running configuration with every descriptor copied too, as a new reading of
    /// the same files would give: change it and hand it to <see cref="Reload(StatmgrConfig)"/>.
    /// </summary>
    public StatmgrConfig NextConfig()
    {
        var now = Manager?.Context.Config ?? Config;
        var next = new StatmgrConfig
        {
            ConfigPath = now.ConfigPath,
            MyModuleIdName = now.MyModuleIdName,
            MyModuleId = now.MyModuleId,
            RingName = now.RingName,
            RingKey = now.RingKey,
            HeartbeatPageit = now.HeartbeatPageit,
            LogFile = now.LogFile,
            CheckAllRings = now.CheckAllRings,
            DontReportUnknownModule = now.DontReportUnknownModule,
            Debug = now.Debug,
            LimitWindowSeconds = now.LimitWindowSeconds,
            HeartbeatClock = now.HeartbeatClock,
            HeartbeatSkewSeconds = now.HeartbeatSkewSeconds,
            Subject = now.Subject,
        };
        next.PageGroups.AddRange(now.PageGroups);
        next.MailRecipients.AddRange(now.MailRecipients);
        next.StatusSources.AddRange(now.StatusSources);
        next.MailServers.AddRange(now.MailServers);
        foreach (var descriptor in now.Descriptors)
        {
            var copy = new Descriptor
            {
                Path = descriptor.Path,
                ModName = descriptor.ModName,
                ModIdName = descriptor.ModIdName,
                ModId = descriptor.ModId,
                HeartbeatTsec = descriptor.HeartbeatTsec,
                HeartbeatPage = descriptor.HeartbeatPage,
                HeartbeatMail = descriptor.HeartbeatMail,
            };
            copy.SysName = descriptor.SysName;
            copy.InstIdName = descriptor.InstIdName;
            copy.InstId = descriptor.InstId;
            copy.RestartMe = descriptor.RestartMe;
            copy.HeartbeatSendInterval = descriptor.HeartbeatSendInterval;
            copy.PageGroups.AddRange(descriptor.PageGroups);
            copy.MailRecipients.AddRange(descriptor.MailRecipients);
            copy.Errors.AddRange(descriptor.Errors);
            copy.Policy.Budget = descriptor.Policy.Budget;
            copy.Policy.Backoff = descriptor.Policy.Backoff;
            copy.Policy.RemindSeconds = descriptor.Policy.RemindSeconds;
            copy.Policy.Flap = descriptor.Policy.Flap;
            copy.Policy.RestartWhileSilenced = descriptor.Policy.RestartWhileSilenced;
            next.Descriptors.Add(copy);
        }
        return next;
    }

    /// <summary>Hands the monitor a finished reading of <paramref name="config"/> and runs one pass, which applies it.</summary>
    public void Reload(StatmgrConfig config, params ConfigProblem[] problems) =>
        Reload(new ReloadReading(config, Inst, Types, Context().ModuleName, problems));

    /// <summary>Hands the monitor <paramref name="reading"/> and runs one pass, which applies or refuses it.</summary>
    public void Reload(ReloadReading reading)
    {
        Reloads.Publish(reading);
        Assert.That(Manager!.RunPass().Stop, Is.False, "the monitor stopped unexpectedly");
    }

    /// <summary>Runs the monitor on a configuration read from files (the descriptors' own, statmgr's found by its module id).</summary>
    public void UseConfig(StatmgrConfig config)
    {
        Config = config;
        Statmgr = config.Descriptors.First(d => d.ModId == config.MyModuleId && d.InstId == Inst);
    }

    /// <summary>The reload lines logged (<c>statmgr: reload...</c>), in order.</summary>
    public List<string> ReloadLines => Log.Entries.Where(l => l.Text.StartsWith("statmgr: reload", StringComparison.Ordinal)).Select(l => l.Text).ToList();

    /// <summary>Moves the fake clock forward without running the loop.</summary>
    public void Advance(TimeSpan span) => Time.Advance(span);

    /// <summary>Sets the fake clock to a moment after the current one.</summary>
    public void SetTime(long epochSeconds, int extraMs = 0) =>
        Time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(epochSeconds).AddMilliseconds(extraMs));

    public static Descriptor NewDescriptor(string modName, string modIdName, byte modId, int tsec, int page, int mail) => new()
    {
        Path = modName + ".desc",
        ModName = modName,
        SysName = "ewhost",
        ModIdName = modIdName,
        ModId = modId,
        InstIdName = "INST_MENLO",
        InstId = Inst,
        HeartbeatTsec = tsec,
        HeartbeatPage = page,
        HeartbeatMail = mail,
    };

    public MonitorContext Context() => new()
    {
        Config = Config,
        OwnDescriptor = Statmgr,
        LocalInstallation = Inst,
        Types = Types,
        SysName = "ewhost",
        ModuleName = id => id switch
        {
            ModStatmgr => "MOD_STATMGR",
            ModPick => "MOD_PICK_EW",
            ModTank => "MOD_TANKPLAYER",
            0 => "MOD_WILDCARD",
            _ => null,
        },
        Logit = Log,
        Mail = MailSink ?? Mail,
        Time = Time,
        Reload = Reloads,
        Silences = Silences,
        AttachRing = AttachRing ?? ((name, key) => Rings.TryGetValue(name, out var ring) && ring.Key == key
            ? ring
            : throw new TransportRingException(name, key, $"no ring {name} {key}")),
        Stop = Stop,
        Status = Board,
        ProcessId = OwnPid,
        LogLosses = () => LogLosses,
        Out = Out,
        Error = Err,
    };

    /// <summary>
    /// A harness after startup, set up first by <paramref name="setup"/>, with the startup's log
    /// lines and mail cleared, so that a test sees only what happens after it (the startup page stays in the ring).
    /// </summary>
    public static MonitorHarness Started(Action<MonitorHarness>? setup = null)
    {
        var h = new MonitorHarness();
        setup?.Invoke(h);
        h.Start();
        h.Log.Clear();
        h.Mail.Sent.Clear();
        return h;
    }

    /// <summary>
    /// <see cref="Started"/> with pick_ew paged and mailed on every report (no heartbeat limits)
    /// and restarted when it dies unless <paramref name="restartMe"/> is false.
    /// </summary>
    public static MonitorHarness StartedUnlimited(bool restartMe = true, Action<MonitorHarness>? setup = null) => Started(h =>
    {
        h.Pick.RestartMe = restartMe;
        h.Pick.HeartbeatPage = -1;
        h.Pick.HeartbeatMail = -1;
        setup?.Invoke(h);
    });

    public StatusManager Start()
    {
        Manager = MonitorStartup.Start(Context());
        return Manager;
    }

    public ModuleHealth Module(byte modId) => Manager!.Modules.Find(modId, Inst)!;

    public static Logo From(byte module, byte type) => new(Inst, module, type);

    public void Beat(byte module, long time, string? pid = null, InMemoryRing? ring = null) =>
        (ring ?? Ring).Enqueue(From(module, Types.Heartbeat), pid is null ? $"{time}\n" : $"{time} {pid}\n");

    /// <summary>Runs the loop to <paramref name="time"/>, then <paramref name="module"/> beats with that time and the loop reads it.</summary>
    public void BeatAt(byte module, long time, string? pid = null)
    {
        RunUntil(time);
        Beat(module, time, pid);
        RunUntil(time, 1);
    }

    public void SendError(byte module, long time, int number, string note = "", InMemoryRing? ring = null) =>
        (ring ?? Ring).Enqueue(From(module, Types.Error), $"{time} {number} {note}\n");

    /// <summary>More passes than any test needs: a loop that reaches it has stopped moving the clock.</summary>
    public const int MaxPasses = 100_000;

    /// <summary>Runs passes and waits until the fake clock reaches <paramref name="epochSeconds"/> (+ <paramref name="extraMs"/>).</summary>
    public void RunUntil(long epochSeconds, int extraMs = 0)
    {
        var target = DateTimeOffset.FromUnixTimeSeconds(epochSeconds).AddMilliseconds(extraMs);
        for (var passes = 1; ; passes++)
        {
            Assert.That(passes, Is.LessThanOrEqualTo(MaxPasses), $"the fake clock did not reach {target} within {MaxPasses} passes");
            var pass = Manager!.RunPass();
            Assert.That(pass.Stop, Is.False, "the monitor stopped unexpectedly");
            var now = Time.GetUtcNow();
            if (now >= target)
            {
                return;
            }
            var wait = pass.Wait;
            if (now + wait > target)
            {
                wait = target - now;
            }
            if (wait > TimeSpan.Zero)
            {
                Waiter.Wait(wait);
            }
        }
    }

    /// <summary>Report lines (flag e) logged since startup, in order.</summary>
    public List<string> Reports => Log.Entries.Where(l => l.Flags == "e" && l.Text.StartsWith("UTC_", StringComparison.Ordinal)).Select(l => l.Text).ToList();

    public List<string> Pages => Ring.PutTexts(Types.Page);

    public List<string> Restarts(InMemoryRing? ring = null) => (ring ?? Ring).PutTexts(Types.Restart);

    public static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}

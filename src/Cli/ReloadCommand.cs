using Statmgr.Earthworm.Logging;
using Statmgr.Notify.Mail;
using Statmgr.Status;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --reload &lt;configfile&gt;</c>: the <c>--check</c> of the configuration first (its problem
/// lines printed; any error and nothing is signalled), then SIGHUP to the statmgr running it
/// (<see cref="RunningStatmgr"/>), then its answer read from its log: every line of the reload,
/// from <c>statmgr: SIGHUP: reloading</c> to <c>statmgr: reload done</c> (exit 0) or
/// <c>statmgr: reload refused...</c> (exit 1). No answer within <see cref="AnswerLimit"/> is exit 1.
/// With <c>LogFile 0</c> statmgr writes no log to read the answer from: the signal is still sent
/// (the check passed) and the command says that the answer went to statmgr's stderr only, with exit 1.
/// </summary>
internal sealed class ReloadCommand
{
    public const int Done = 0;
    public const int NotDone = 1;

    /// <summary>How long the answer is waited for: a reading of every file plus a pass, with room for a loaded host.</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(30);

    /// <summary>How often the log is looked at while waiting.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Func<string, string?> _environment;
    private readonly ConfigurationCheck _check;
    private readonly RunningStatmgr _running;
    private readonly Func<int, string?> _signal;
    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _pause;

    public ReloadCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        TimeProvider time)
        : this(stdout, stderr, environment, new ConfigurationCheck(stdout, environment, fileExists, processId, new MailConfigurationCheck().Check),
            new RunningStatmgr(fileExists, RunningStatmgr.ProcCommandLine), RunningStatmgr.SendHangup, time, Thread.Sleep)
    {
    }

    /// <param name="signal">Sends SIGHUP to a pid; the error text when it could not.</param>
    /// <param name="pause">Waits between two looks at the log (a test moves its fake clock instead).</param>
    internal ReloadCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, ConfigurationCheck check,
        RunningStatmgr running, Func<int, string?> signal, TimeProvider time, Action<TimeSpan> pause)
    {
        _stdout = stdout;
        _stderr = stderr;
        _environment = environment;
        _check = check;
        _running = running;
        _signal = signal;
        _time = time;
        _pause = pause;
    }

    public int Run(string configPath)
    {
        try
        {
            return Reload(configPath);
        }
        finally
        {
            _stdout.Flush();
            _stderr.Flush();
        }
    }

    private int Reload(string configPath)
    {
        var (result, problems) = _check.Inspect(configPath);
        ConfigurationCheck.WriteProblems(problems, _stdout);
        if (result is null || problems.HasErrors)
        {
            return Fail("--check found errors; no reload requested");
        }
        var config = result.Config;
        var pid = _running.Find(StatusFileLocation.Resolve(config, _environment), PidFile.PathFor(configPath, _environment), out var problem);
        if (pid is null)
        {
            return Fail(problem + "; no reload requested");
        }
        // A start without EW_LOG stops in logit, so a loaded configuration always has it.
        var follower = config.LogFile == 0
            ? null
            : new ReloadLogFollower(LogFileName.Directory(_environment("EW_LOG") ?? ""), LogProgramName.FromPath(configPath), _time);
        if (_signal(pid.Value) is { } failed)
        {
            return Fail(failed);
        }
        if (follower is null)
        {
            return Fail($"SIGHUP sent to statmgr (pid {pid}); {configPath} has LogFile 0, so there is no log to read its answer from (it went to statmgr's stderr)");
        }
        var answer = Follow(follower);
        foreach (var line in follower.Lines)
        {
            _stdout.Write(line + "\n");
        }
        return answer switch
        {
            ReloadAnswer.Done => Done,
            ReloadAnswer.Refused => NotDone,
            _ => Fail($"SIGHUP sent to statmgr (pid {pid}), but no \"{ReloadLogFollower.DoneLine}\" or \"{ReloadLogFollower.RefusedLine}\" "
                      + $"in {follower.CurrentPath} within {AnswerLimit.TotalSeconds:0} s"),
        };
    }

    private ReloadAnswer Follow(ReloadLogFollower follower)
    {
        var deadline = _time.GetUtcNow() + AnswerLimit;
        while (follower.Poll() == ReloadAnswer.NotYet && _time.GetUtcNow() < deadline)
        {
            _pause(PollInterval);
        }
        return follower.Answer;
    }

    private int Fail(string text)
    {
        _stderr.Write("statmgr: " + text + "\n");
        return NotDone;
    }
}

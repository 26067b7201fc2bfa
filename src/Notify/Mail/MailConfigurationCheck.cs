using System.Net;
using System.Net.Sockets;
using MimeKit;
using Statmgr.Config;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The mail part of <c>--check</c>: what would stop reports from being mailed, or expose the SMTP
/// password. Each problem is one text without a newline, placed at the statmgr.d line of the
/// command it is about; none of them stops statmgr from starting. A password is never read into
/// a text: only whether its file can be opened, and who may read it.
/// </summary>
internal sealed class MailConfigurationCheck
{
    /// <summary>How long one MailServer name may take to resolve before it counts as unresolvable.</summary>
    public static readonly TimeSpan ResolveLimit = TimeSpan.FromSeconds(5);

    private readonly Func<string, string?> _resolve;
    private readonly string? _searchPath;

    public MailConfigurationCheck()
        : this(ResolveWithDns, Environment.GetEnvironmentVariable("PATH"))
    {
    }

    /// <param name="resolve">Returns null when the host resolves, else the reason it does not.</param>
    /// <param name="searchPath">The PATH used to find the default mail program.</param>
    internal MailConfigurationCheck(Func<string, string?> resolve, string? searchPath)
    {
        _resolve = resolve;
        _searchPath = searchPath;
    }

    public IReadOnlyList<MailCheckProblem> Check(StatmgrConfig config)
    {
        var settings = MailSettings.FromConfig(config);
        var problems = new Problems(config);
        if (settings.UsesSmtp)
        {
            CheckSmtp(settings, problems);
        }
        else
        {
            CheckProgram(settings, problems);
        }
        CheckFiles(settings, problems);
        return problems.All;
    }

    private void CheckSmtp(MailSettings settings, Problems problems)
    {
        for (var i = 0; i < settings.ServerLines.Count; i++)
        {
            var line = settings.ServerLines[i];
            foreach (var problem in settings.ServerProblems.Where(p => p.StartsWith($"MailServer <{line}>:", StringComparison.Ordinal)))
            {
                problems.Add("MailServer", i, problem);
            }
            var server = settings.Servers.FirstOrDefault(s => s.ToString() == line || s.Host == line);
            if (server is null || IPAddress.TryParse(server.Host, out _))
            {
                continue;
            }
            var reason = _resolve(server.Host);
            if (reason is not null)
            {
                problems.Add("MailServer", i, $"MailServer <{server.Host}> cannot be resolved: {reason}");
            }
        }
        if (settings.MailProgram is not null)
        {
            problems.Add("MailProgram", $"MailProgram <{settings.MailProgram}> is ignored because MailServer is set");
        }
        if (!MailboxAddress.TryParse(MailTextEncoding.Readable(settings.From), out _))
        {
            problems.Add("From", $"From <{settings.From}> is not a mail address");
        }
        if (settings.User is not null && settings.PasswordFile is null)
        {
            problems.Add("SmtpUser", $"SmtpUser <{settings.User}> is set but SmtpPasswordFile is not");
        }
    }

    private void CheckProgram(MailSettings settings, Problems problems)
    {
        if (settings.MailProgram is not null)
        {
            var reason = MailProgramLocator.Locate(settings.MailProgram, _searchPath, out var problem) is null ? problem : null;
            if (reason is not null)
            {
                problems.Add("MailProgram", $"MailProgram <{settings.MailProgram}> {reason}");
            }
        }
        else if (settings.Recipients.Count > 0
                 && MailProgramLocator.Locate(MailProgramLocator.DefaultProgram, _searchPath, out _) is null)
        {
            problems.Add("mail", $"no MailServer or MailProgram set and no program <{MailProgramLocator.DefaultProgram}> on PATH: reports will not be mailed");
        }
    }

    private static void CheckFiles(MailSettings settings, Problems problems)
    {
        if (settings.PasswordFile is not null)
        {
            if (SmtpPasswordFile.TryRead(settings.PasswordFile, out var passwordProblem) is null)
            {
                problems.Add("SmtpPasswordFile", $"SmtpPasswordFile <{settings.PasswordFile}> cannot be read: {passwordProblem}");
            }
            else if (SmtpPasswordFile.ExposureWarning(settings.PasswordFile) is { } exposed)
            {
                problems.Add("SmtpPasswordFile", exposed);
            }
        }
        if (settings.CaFile is not null && SmtpCaFileLoader.TryLoad(settings.CaFile, out var caProblem) is null)
        {
            problems.Add("SmtpCaFile", $"SmtpCaFile <{settings.CaFile}> cannot be read: {caProblem}");
        }
    }

    /// <summary>The mail check's findings, each placed at the line of the command it is about.</summary>
    private sealed class Problems(StatmgrConfig config)
    {
        private readonly List<MailCheckProblem> _all = [];

        public IReadOnlyList<MailCheckProblem> All => _all;

        /// <summary>A problem with the command's last line (the one that counts), or statmgr.d's line 0 when it has none.</summary>
        public void Add(string command, string text) => Add(command, config.LinesOf(command).Count - 1, text);

        /// <summary>A problem with one line of a command given several times (MailServer).</summary>
        public void Add(string command, int index, string text)
        {
            var lines = config.LinesOf(command);
            var at = index >= 0 && index < lines.Count ? lines[index] : new ConfigLocation(config.ConfigPath, 0);
            _all.Add(new MailCheckProblem(at, text));
        }
    }

    private static string? ResolveWithDns(string host)
    {
        try
        {
            var lookup = Dns.GetHostAddressesAsync(host);
            if (!lookup.Wait(ResolveLimit))
            {
                return $"no answer within {ResolveLimit.TotalSeconds:0} s";
            }
            return lookup.Result.Length == 0 ? "no address" : null;
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException or ArgumentException)
        {
            return ex.InnerException!.Message;
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return ex.Message;
        }
    }
}

/// <summary>One problem of the mail check: where it is (the command's line in statmgr.d) and what it is.</summary>
internal readonly record struct MailCheckProblem(ConfigLocation At, string Text);

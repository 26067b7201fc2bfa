using System.Net;
using System.Net.Sockets;
using MimeKit;
using Statmgr.Config;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The mail part of <c>--check</c>: what would stop reports from being mailed. Each problem is one
/// text without a newline; none of them stops statmgr from starting. A password is never read
/// into a text: only whether its file can be opened.
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

    public IReadOnlyList<string> Check(StatmgrConfig config)
    {
        var settings = MailSettings.FromConfig(config);
        var problems = new List<string>();
        if (settings.UsesSmtp)
        {
            CheckSmtp(settings, problems);
        }
        else
        {
            CheckProgram(settings, problems);
        }
        CheckFiles(settings, problems);
        return problems;
    }

    private void CheckSmtp(MailSettings settings, List<string> problems)
    {
        problems.AddRange(settings.ServerProblems);
        foreach (var server in settings.Servers)
        {
            if (IPAddress.TryParse(server.Host, out _))
            {
                continue;
            }
            var reason = _resolve(server.Host);
            if (reason is not null)
            {
                problems.Add($"MailServer <{server.Host}> cannot be resolved: {reason}");
            }
        }
        if (settings.MailProgram is not null)
        {
            problems.Add($"MailProgram <{settings.MailProgram}> is ignored because MailServer is set");
        }
        if (!MailboxAddress.TryParse(MailTextEncoding.Readable(settings.From), out _))
        {
            problems.Add($"From <{settings.From}> is not a mail address");
        }
        if (settings.User is not null && settings.PasswordFile is null)
        {
            problems.Add($"SmtpUser <{settings.User}> is set but SmtpPasswordFile is not");
        }
    }

    private void CheckProgram(MailSettings settings, List<string> problems)
    {
        if (settings.MailProgram is not null)
        {
            var reason = MailProgramLocator.Locate(settings.MailProgram, _searchPath, out var problem) is null ? problem : null;
            if (reason is not null)
            {
                problems.Add($"MailProgram <{settings.MailProgram}> {reason}");
            }
        }
        else if (settings.Recipients.Count > 0
                 && MailProgramLocator.Locate(MailProgramLocator.DefaultProgram, _searchPath, out _) is null)
        {
            problems.Add($"no MailServer or MailProgram set and no program <{MailProgramLocator.DefaultProgram}> on PATH: reports will not be mailed");
        }
    }

    private static void CheckFiles(MailSettings settings, List<string> problems)
    {
        if (settings.PasswordFile is not null && SmtpPasswordFile.TryRead(settings.PasswordFile, out var passwordProblem) is null)
        {
            problems.Add($"SmtpPasswordFile <{settings.PasswordFile}> cannot be read: {passwordProblem}");
        }
        if (settings.CaFile is not null && SmtpCaFileLoader.TryLoad(settings.CaFile, out var caProblem) is null)
        {
            problems.Add($"SmtpCaFile <{settings.CaFile}> cannot be read: {caProblem}");
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

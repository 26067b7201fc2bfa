namespace Statmgr.Config;

/// <summary>The limits C statmgr enforces on its configuration (statmgr.h), and the port's own where it lifts one of C's.</summary>
internal static class StatmgrLimits
{
    /// <summary>MAXDESC: Descriptor lines in statmgr.d.</summary>
    public const int MaxDescriptors = 200;

    /// <summary>MAXERR: err: entries per descriptor.</summary>
    public const int MaxErrorRules = 75;

    /// <summary>MAXRECIP: pagegroup or mail lines, in statmgr.d and in each descriptor.</summary>
    public const int MaxRecipients = 10;

    /// <summary>MAXRECIPLEN-1: longest page group or mail address.</summary>
    public const int MaxRecipientLength = 59;

    /// <summary>Why a mail address that <see cref="IsOptionLike"/> is refused (the port's rule; C passed it on).</summary>
    public const string OptionLikeRule = "an address may not begin with '-'";

    /// <summary>
    /// True for a <c>mail</c> address that begins with '-': the mail program is given the address
    /// as an argument and would take it for one of its options (-f sender, -o sendmail options...).
    /// Refused at startup, in statmgr.d and in descriptors alike, whichever way mail is sent.
    /// </summary>
    public static bool IsOptionLike(string command, string address) =>
        command == "mail" && address.StartsWith('-');

    /// <summary>DFILENAME_LEN-1: longest descriptor path on a Descriptor line.</summary>
    public const int MaxDescriptorPathLength = 63;

    /// <summary>MAX_SYS_NAME-1: system names (descriptor <c>system</c> or SYS_NAME) are cut to this.</summary>
    public const int MaxSystemNameLength = 29;

    /// <summary>GetStatusFrom lines the port accepts (B9; C accepted one).</summary>
    public const int MaxStatusSources = 64;

    /// <summary>MailServer lines the port keeps (B10; C kept nine of MAXMS 10).</summary>
    public const int MaxMailServers = 10;

    /// <summary>DEFAULT_HEARTBEAT: assumed heartbeat interval of a module whose .d file names none.</summary>
    public const int DefaultHeartbeat = 42;
}

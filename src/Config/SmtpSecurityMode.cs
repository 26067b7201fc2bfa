namespace Statmgr.Config;

/// <summary>The SmtpSecurity command: how the SMTP connection is protected.</summary>
public enum SmtpSecurityMode
{
    Auto,
    None,
    StartTls,
    Ssl,
}

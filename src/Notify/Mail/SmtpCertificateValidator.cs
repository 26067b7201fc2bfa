using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Accepts a relay's certificate only when it names the relay and chains either to the system
/// trust store or to a CA from SmtpCaFile. Nothing turns the check off: on purpose, no setting accepts any certificate.
/// Remembers why it refused, so the give-up line can say so in one phrase.
/// </summary>
internal sealed class SmtpCertificateValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2Collection _extraRoots;

    public SmtpCertificateValidator(X509Certificate2Collection extraRoots)
    {
        _extraRoots = extraRoots;
    }

    public string? Refusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            Refusal = "server sent no certificate";
            return false;
        }
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            Refusal = $"certificate <{certificate.Subject}> does not name the server";
            return false;
        }
        if (_extraRoots.Count == 0)
        {
            Refusal = $"certificate <{certificate.Subject}> is not trusted ({Describe(chain)})";
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
        {
            // Intermediates the server sent help build the path to the SmtpCaFile root.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        if (custom.Build(leaf))
        {
            return true;
        }
        Refusal = $"certificate <{certificate.Subject}> is not trusted by the system or SmtpCaFile ({Describe(custom)})";
        return false;
    }

    private static string Describe(X509Chain? chain)
    {
        if (chain is null || chain.ChainStatus.Length == 0)
        {
            return "no chain";
        }
        return string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
    }
}

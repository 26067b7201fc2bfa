using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Statmgr.Notify.Mail;

/// <summary>Reads the certificates of an SmtpCaFile: PEM (one or more) or a single DER certificate.</summary>
internal static class SmtpCaFileLoader
{
    /// <summary>The certificates, or null with a reason that never quotes the file's content.</summary>
    public static X509Certificate2Collection? TryLoad(string path, out string? problem)
    {
        problem = null;
        if (RegularFile.IsSomethingElse(path))
        {
            problem = RegularFile.Refusal;
            return null;
        }
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            if (collection.Count == 0)
            {
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
            return collection;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problem = ex is CryptographicException ? "holds no certificate" : ex.Message;
            return null;
        }
    }
}

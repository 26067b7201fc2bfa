using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Statmgr.Earthworm.Kom;

namespace Statmgr.Notify.Mail;

/// <summary>Reads the certificates of an SmtpCaFile: PEM (one or more) or a single DER certificate.</summary>
internal static class SmtpCaFileLoader
{
    /// <summary>The certificates, or null with a reason that never quotes the file's content.</summary>
    public static X509Certificate2Collection? TryLoad(string path, out string? problem)
    {
        problem = null;
        try
        {
            using var handle = RegularFile.Open(path, out problem);
            if (problem is not null)
            {
                return null;
            }
            // No handle and no refusal: missing or forbidden, and the framework's open says which.
            using var file = handle is null ? File.OpenRead(path) : new FileStream(handle, FileAccess.Read);
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            var collection = new X509Certificate2Collection();
            collection.ImportFromPem(Encoding.Latin1.GetString(bytes.GetBuffer(), 0, (int)bytes.Length));
            if (collection.Count == 0)
            {
                collection.Add(X509CertificateLoader.LoadCertificate(bytes.ToArray()));
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

using System.Runtime.InteropServices;

namespace Statmgr.EwSupervisor;

/// <summary>The uname and disk facts of the status header, read the way startstop's uname/statfs see them.</summary>
internal static class HostFacts
{
    public static string HostName => Environment.MachineName;

    public static string OsName => ReadKernelFile("ostype") ?? RuntimeInformation.OSDescription.Split(' ')[0];

    public static string OsRelease => ReadKernelFile("osrelease") ?? Environment.OSVersion.Version.ToString();

    /// <summary>Free kilobytes of the working directory's file system, or null when it cannot be told.</summary>
    public static long? DiskAvailKb()
    {
        try
        {
            return new DriveInfo(Environment.CurrentDirectory).AvailableFreeSpace / 1024;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadKernelFile(string name)
    {
        string path = "/proc/sys/kernel/" + name;
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

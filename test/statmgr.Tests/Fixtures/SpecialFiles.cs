using System.Runtime.InteropServices;
using Statmgr.Earthworm.Kom;

namespace Statmgr.Tests.Fixtures;

/// <summary>
/// Files an operator (or an attacker) may name where statmgr expects a configuration file: a FIFO,
/// a symbolic link to /dev/zero, a regular file one byte over the size limit. Reading any of them
/// used to hang or spin, so <see cref="Within{T}"/> runs the reading code under a watchdog and
/// <see cref="Release"/> lets a reader stuck in opening a FIFO go.
/// </summary>
internal static partial class SpecialFiles
{
    /// <summary>How long a configuration read may take before the test calls it hung.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private const int OWronlyNonblock = 0x1 | 0x800;

    /// <summary>The reason statmgr adds to its "Error opening" text for each kind.</summary>
    public static string Reason(SpecialFile kind) => kind switch
    {
        SpecialFile.Fifo => "not a regular file (FIFO)",
        SpecialFile.DevZero => "not a regular file (character device)",
        _ => $"too large ({KomFile.MaxFileBytes + 1} bytes; the limit is {KomFile.MaxFileBytes})",
    };

    /// <summary>Makes <paramref name="path"/> the given kind of file.</summary>
    public static void Make(SpecialFile kind, string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        switch (kind)
        {
            case SpecialFile.Fifo:
                if (MakeFifo(path, Convert.ToInt32("644", 8)) != 0)
                {
                    Assert.Ignore($"this host cannot make a FIFO: errno {Marshal.GetLastPInvokeError()}");
                }
                break;
            case SpecialFile.DevZero:
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            default:
                // Comment lines, so that only the size is wrong.
                var line = "#" + new string('x', 62) + "\n";
                var text = string.Concat(Enumerable.Repeat(line, (int)(KomFile.MaxFileBytes / line.Length) + 1));
                File.WriteAllText(path, text[..(int)(KomFile.MaxFileBytes + 1)]);
                break;
        }
    }

    /// <summary>Runs <paramref name="read"/>; fails the test when it has not come back within <see cref="HangLimit"/>.</summary>
    public static T Within<T>(Func<T> read, string what)
    {
        var run = Task.Factory.StartNew(read, TaskCreationOptions.LongRunning);
        if (!run.Wait(HangLimit))
        {
            Assert.Fail($"{what} did not come back within {HangLimit.TotalSeconds} s");
        }
        return run.Result;
    }

    /// <summary>Lets go a reader blocked in opening the FIFO <paramref name="path"/> (a writer comes and goes); harmless otherwise.</summary>
    public static void Release(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            int fd = OpenForWriting(path, OWronlyNonblock);
            if (fd >= 0)
            {
                _ = Close(fd);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, int mode);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenForWriting(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

/// <summary>The kinds of file that are not a usable configuration file.</summary>
public enum SpecialFile
{
    Fifo,
    DevZero,
    Oversized,
}

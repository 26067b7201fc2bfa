namespace Statmgr.Tests.Fixtures;

/// <summary>
/// A real filesystem of a few pages (tmpfs) mounted on a fresh directory, that a test can fill up
/// and free again: a full disk as the kernel makes it, short writes included. Mounting needs root
/// (or CAP_SYS_ADMIN); where it is refused the test is ignored with the reason. Dispose unmounts,
/// also after a failure; any process writing there must be stopped first.
/// </summary>
internal sealed class SmallFilesystem : IDisposable
{
    /// <summary>Large enough for a log with its banner, small enough to fill in a moment.</summary>
    public const int SizeKb = 64;

    private const string FillerName = "filler";

    private readonly TempDirectory _mountPoint = new("statmgr-tmpfs-");
    private bool _mounted;

    private SmallFilesystem()
    {
    }

    public string Directory => _mountPoint.Directory;

    public string PathOf(string name) => _mountPoint.PathOf(name);

    /// <summary>Mounts a new one, or ignores the test when this host does not let it.</summary>
    public static SmallFilesystem Mount()
    {
        var filesystem = new SmallFilesystem();
        if (!OperatingSystem.IsLinux())
        {
            filesystem.Dispose();
            Assert.Ignore("a tmpfs filesystem needs Linux");
        }
        var mount = RunTool("mount", "-t", "tmpfs", "-o", $"size={SizeKb}k,mode=0777", "tmpfs", filesystem.Directory);
        if (mount.ExitCode != 0)
        {
            filesystem.Dispose();
            Assert.Ignore($"cannot mount a {SizeKb} KiB tmpfs here (needs root): {mount.Stderr.Trim()}");
        }
        filesystem._mounted = true;
        return filesystem;
    }

    /// <summary>Takes every free block with a filler file, so the next block a write needs is refused.</summary>
    public void Fill()
    {
        using var filler = new FileStream(PathOf(FillerName), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // Full.
        }
        // What is left is less than a block: fill it byte by byte.
        try
        {
            while (true)
            {
                filler.Write(block.AsSpan(0, 1));
            }
        }
        catch (IOException)
        {
            // Full to the byte.
        }
    }

    /// <summary>Frees what <see cref="Fill"/> took.</summary>
    public void Free() => File.Delete(PathOf(FillerName));

    public void Dispose()
    {
        if (_mounted)
        {
            var unmount = RunTool("umount", Directory);
            if (unmount.ExitCode != 0)
            {
                // Something still holds a file open there: detach it now, it goes when released.
                RunTool("umount", "-l", Directory);
            }
            _mounted = false;
        }
        _mountPoint.Dispose();
    }

    private static ProcessOutcome RunTool(string program, params string[] arguments)
    {
        try
        {
            return ChildProgram.Run(ChildProgram.StartInfo(program, arguments));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new ProcessOutcome(-1, "", ex.Message);
        }
    }
}

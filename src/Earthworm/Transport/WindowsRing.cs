using System.IO.MemoryMappedFiles;
using System.Runtime.Versioning;

namespace Statmgr.Earthworm.Transport;

/// <summary>
/// Earthworm rings on Windows, made as C's Windows transport makes them: a paging-file mapping named
/// <c>SHR_&lt;key&gt;</c> and a mutex named <c>MTX_&lt;key&gt;</c>, session-local like C's, always
/// in the LLP64 layout (20-byte SHM_HEAD, keys starting at 20). Not yet run on Windows; its layout
/// arithmetic is tested on Linux.
/// </summary>
[SupportedOSPlatform("windows")]
internal static unsafe class WindowsRing
{
    /// <summary>The mapping name for a ring key, e.g. SHR_1000.</summary>
    public static string MappingName(long key) => $"SHR_{key}";

    /// <summary>The mutex name for a ring key, e.g. MTX_1000.</summary>
    public static string MutexName(long key) => $"MTX_{key}";

    /// <summary>
    /// tport_create: creates or opens the mapping (an existing one is not removed, as in C), writes
    /// a fresh header and returns an attachment. The ring lives while any handle is open.
    /// </summary>
    public static TransportRing Create(string name, long key, long sizeBytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        var layout = RingLayout.Llp64;
        if (sizeBytes < layout.ShmHeadSize + layout.TportHeadSize || sizeBytes - layout.ShmHeadSize > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, "ring size out of range");
        }
        MemoryMappedFile? file = null;
        try
        {
            file = MemoryMappedFile.CreateOrOpen(MappingName(key), sizeBytes, MemoryMappedFileAccess.ReadWrite);
            var view = file.CreateViewAccessor(0, sizeBytes, MemoryMappedFileAccess.ReadWrite);
            var mapping = new WindowsMapping(file, view, MappingName(key));
            file = null;
            RingRegion.InitializeHeader(mapping.BaseAddress, sizeBytes, layout);
            return Open(name, key, mapping);
        }
        catch (IOException e)
        {
            throw new TransportRingException(name, key, $"transport ring {name} (key {key}): cannot create {MappingName(key)}: {e.Message}", e);
        }
        finally
        {
            file?.Dispose();
        }
    }

    /// <summary>tport_attach: opens the existing mapping and mutex.</summary>
    /// <exception cref="RingNotFoundException">No mapping has the name.</exception>
    public static TransportRing Attach(string name, long key)
    {
        ArgumentNullException.ThrowIfNull(name);
        MemoryMappedFile file;
        try
        {
            file = MemoryMappedFile.OpenExisting(MappingName(key), MemoryMappedFileRights.ReadWrite);
        }
        catch (FileNotFoundException)
        {
            throw new RingNotFoundException(name, key);
        }
        try
        {
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite);
            return Open(name, key, new WindowsMapping(file, view, MappingName(key)));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static TransportRing Open(string name, long key, WindowsMapping mapping)
    {
        RingRegion region;
        try
        {
            region = new RingRegion(mapping.BaseAddress, mapping.MappedBytes, RingLayout.Llp64);
        }
        catch (InvalidDataException e)
        {
            mapping.Dispose();
            throw new TransportRingException(name, key, $"transport ring {name} (key {key}): {e.Message}", e);
        }
        return new TransportRing(name, key, mapping, region, new WindowsMutexLock(new Mutex(false, MutexName(key))));
    }
}

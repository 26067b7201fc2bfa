using System.IO.MemoryMappedFiles;
using System.Runtime.Versioning;

namespace Statmgr.Earthworm.Transport;

/// <summary>
/// A view of the named mapping <c>SHR_&lt;key&gt;</c>. The mapping lives while any process holds a
/// handle, so it cannot be replaced under an attachment and is never stale.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class WindowsMapping : IRingMapping
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _pointer;

    public WindowsMapping(MemoryMappedFile file, MemoryMappedViewAccessor view, string mappingName)
    {
        _file = file;
        _view = view;
        MappingName = mappingName;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref _pointer);
        BaseAddress = _pointer + view.PointerOffset;
        MappedBytes = view.Capacity;
    }

    public string MappingName { get; }

    public byte* BaseAddress { get; }

    public long MappedBytes { get; }

    public bool IsStale => false;

    public string Describe() => $"mapping {MappingName}, {MappedBytes} bytes mapped";

    public void Dispose()
    {
        if (_pointer != null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _pointer = null;
        }
        _view.Dispose();
        _file.Dispose();
    }
}

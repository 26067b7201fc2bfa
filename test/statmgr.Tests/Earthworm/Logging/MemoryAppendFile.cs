using System.Text;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>
/// A log file in memory on a disk whose room a test sets: an append that does not fit fails
/// with ENOSPC's text and leaves nothing, as <see cref="AppendFile"/> promises.
/// </summary>
internal sealed class MemoryAppendFile : AppendFile
{
    public const string NoSpace = "No space left on device";

    private readonly StringBuilder _text = new();

    public MemoryAppendFile(string path)
        : base(path)
    {
    }

    /// <summary>Bytes the disk still takes; null for no limit.</summary>
    public int? Room { get; set; }

    /// <summary>Everything written, one character per byte.</summary>
    public string Text => _text.ToString();

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Room)
        {
            throw new IOException(NoSpace);
        }
        Room -= bytes.Length;
        _text.Append(Encoding.Latin1.GetString(bytes));
    }

    public override void Dispose()
    {
    }
}

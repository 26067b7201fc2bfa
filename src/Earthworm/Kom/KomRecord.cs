namespace Statmgr.Earthworm.Kom;

/// <summary>
/// kom's line record (<c>struct k_buf</c>): the open file, the working buffer that tokenising
/// cuts with NUL terminators, the saved normalised line, scan position, start of the last token
/// and the sticky error. A nested open suspends the whole record.
/// </summary>
internal sealed class KomRecord
{
    /// <summary>MAXCRD: room for 2047 chars plus the terminator.</summary>
    public const int BufferSize = 2048;

    public KomFile? File { get; set; }

    public int LineNumber { get; set; }

    /// <summary>Working buffer (C's <c>crd</c>); a '\0' ends a C string in it.</summary>
    public char[] Buffer { get; } = new char[BufferSize + 1];

    /// <summary>Length of the normalised line (C's <c>ncrd</c>).</summary>
    public int Length { get; set; }

    /// <summary>Start of the last returned token (C's <c>istr</c>).</summary>
    public int TokenStart { get; set; }

    /// <summary>Scan position (C's <c>icrd</c>).</summary>
    public int ScanPosition { get; set; }

    public int Error { get; set; }

    /// <summary>Saved copy of the normalised line (C's <c>csav</c>).</summary>
    public string Saved { get; set; } = string.Empty;

    /// <summary>C's initial record: both buffers hold "Virgin", length 0.</summary>
    public static KomRecord CreateInitial()
    {
        var record = new KomRecord { Saved = "Virgin" };
        "Virgin".CopyTo(record.Buffer);
        return record;
    }

    /// <summary>A copy of the line state without the file (what stays current after a push).</summary>
    public KomRecord CopyLineState()
    {
        var copy = new KomRecord
        {
            Length = Length,
            TokenStart = TokenStart,
            ScanPosition = ScanPosition,
            Error = Error,
            Saved = Saved,
        };
        Buffer.CopyTo(copy.Buffer, 0);
        return copy;
    }

    /// <summary>The C string that starts at <paramref name="start"/> in the working buffer.</summary>
    public string CStringAt(int start) => new(CSpanAt(start));

    /// <summary>The same C string without copying it.</summary>
    public ReadOnlySpan<char> CSpanAt(int start)
    {
        ReadOnlySpan<char> rest = Buffer.AsSpan(start);
        int end = rest.IndexOf('\0');
        return end < 0 ? rest : rest[..end];
    }
}

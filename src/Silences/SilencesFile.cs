using System.Globalization;
using System.Text.Json;

namespace Statmgr.Silences;

/// <summary>
/// Reads and writes the silences file. Reading is strict (schema version, every field and its
/// type, unique ids below next_id, UTC whole-second times, start not after until), because
/// statmgr acts on it unattended: a file it cannot trust is reported, never half applied. A
/// missing file is no silence. Writing goes to a temp file in the same directory that is then
/// renamed over the file, so statmgr never reads half a file.
/// </summary>
internal static class SilencesFile
{
    /// <summary>What was read: the document, or why there is none and the line it is at (0 when unknown).</summary>
    internal sealed record Reading(SilencesDocument? Document, string? Problem, int Line);

    public static Reading Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Reading(SilencesDocument.Empty, null, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Reading(null, ex.Message, 0);
        }
        return Parse(text);
    }

    public static Reading Parse(string text)
    {
        SilencesDocument document;
        try
        {
            // The version first, so that a file from a statmgr with a newer schema is named as such.
            using (var parsed = JsonDocument.Parse(text))
            {
                var root = parsed.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || !version.TryGetInt32(out int number))
                {
                    return Bad("no schema version: not a silences file");
                }
                if (number != SilencesDocument.CurrentVersion)
                {
                    return Bad(string.Create(CultureInfo.InvariantCulture, $"schema version {number}; this statmgr reads version {SilencesDocument.CurrentVersion}"));
                }
            }
            document = JsonSerializer.Deserialize(text, SilencesJson.Default.SilencesDocument) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException ex)
        {
            // The reader counts lines from 0; a file's lines are counted from 1.
            return new Reading(null, ex.Message, ex.LineNumber is long line ? (int)Math.Min(line + 1, int.MaxValue) : 0);
        }
        return Check(document) is { } problem ? Bad(problem) : new Reading(document, null, 0);
    }

    /// <summary>Writes <paramref name="document"/> atomically; the temp file is named after <paramref name="processId"/> so two commands never share one.</summary>
    public static void Write(string path, SilencesDocument document, int processId)
    {
        string temp = TempPath(path, processId);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, SilencesJson.Default.SilencesDocument);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static string TempPath(string path, int processId) => string.Create(CultureInfo.InvariantCulture, $"{path}.{processId}.tmp");

    private static Reading Bad(string problem) => new(null, problem, 0);

    private static string? Check(SilencesDocument document)
    {
        var ids = new HashSet<int>();
        foreach (var silence in document.Silences)
        {
            if (silence is null)
            {
                return "a silence is null";
            }
            string which = string.Create(CultureInfo.InvariantCulture, $"silence #{silence.Id}");
            if (silence.Id < 1 || silence.Id >= document.NextId)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{which}: ids run from 1 to next_id - 1 ({document.NextId - 1})");
            }
            if (!ids.Add(silence.Id))
            {
                return $"{which} is there twice";
            }
            if (silence.Module.Length == 0)
            {
                return $"{which} names no module";
            }
            if (!IsUtcSecond(silence.Start) || !IsUtcSecond(silence.Until))
            {
                return $"{which}: start and until must be UTC whole seconds (2026-12-08T06:40:00Z)";
            }
            if (silence.Until < silence.Start)
            {
                return $"{which} ends before it starts";
            }
        }
        return null;
    }

    private static bool IsUtcSecond(DateTime time) => time.Kind == DateTimeKind.Utc && time.Ticks % TimeSpan.TicksPerSecond == 0;
}

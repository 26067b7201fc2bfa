using System.Text.Json;

namespace Statmgr.Status;

/// <summary>
/// Reads a status file for <c>statmgr --status</c>: the text as it is, and the snapshot in it, or
/// why there is none (no file, unreadable, not JSON, another schema version). The version is
/// looked at before anything else, so a file from a statmgr with a newer schema is named as such
/// and not as broken.
/// </summary>
internal static class StatusFileReader
{
    /// <summary>What was read: the file's text and its snapshot, or (both null) the reason in <see cref="Problem"/>.</summary>
    internal sealed record Result(string? Text, StatusSnapshot? Snapshot, string? Problem);

    public static Result Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed($"no status file {path}: statmgr is not running, has not written it yet, or runs with another configuration");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed($"status file {path} cannot be read: {ex.Message}");
        }

        try
        {
            using (var document = JsonDocument.Parse(text))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("version", out var version)
                    || !version.TryGetInt32(out var number))
                {
                    return Failed($"status file {path} has no schema version: it is not a statmgr status file");
                }
                if (number != StatusSnapshot.CurrentVersion)
                {
                    return Failed($"status file {path} has schema version {number}; this statmgr reads version {StatusSnapshot.CurrentVersion}");
                }
            }
            var snapshot = JsonSerializer.Deserialize(text, StatusJson.Default.StatusSnapshot)
                ?? throw new JsonException("the file holds null");
            return new Result(text, snapshot, null);
        }
        catch (JsonException ex)
        {
            return Failed($"status file {path} is not a valid status file: {ex.Message}");
        }
    }

    private static Result Failed(string problem) => new(null, null, problem);
}

using System.Globalization;

namespace Statmgr.EwModule;

/// <summary>The ASCII bodies Earthworm modules put on a ring: <c>time pid\n</c> heartbeats, <c>time errnum text\n</c> errors.</summary>
internal static class ModuleMessages
{
    /// <summary><c>"&lt;epoch&gt; &lt;pid&gt;\n"</c>, or <c>"&lt;epoch&gt;\n"</c> as startstop sends it.</summary>
    public static string Heartbeat(long epoch, int? pid) =>
        pid is int p
            ? string.Create(CultureInfo.InvariantCulture, $"{epoch} {p}\n")
            : string.Create(CultureInfo.InvariantCulture, $"{epoch}\n");

    /// <summary><c>"&lt;epoch&gt; &lt;err&gt; &lt;note&gt;\n"</c>; without a note <c>"&lt;epoch&gt; &lt;err&gt;\n"</c>.</summary>
    public static string Error(long epoch, int errorNumber, string note) =>
        note.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{epoch} {errorNumber}\n")
            : string.Create(CultureInfo.InvariantCulture, $"{epoch} {errorNumber} {note}\n");
}

using System.Globalization;

namespace Statmgr.EwModule;

/// <summary>The ASCII bodies an Earthworm module puts on a ring (transport-ring.md §8.5).</summary>
public static class ModuleMessages
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

using System.Security.Cryptography;
using System.Text;

namespace Statmgr.Stress;

/// <summary>
/// One statmgr executable the bench measures: its column name in the table, where it is, and
/// what it is. <see cref="Find"/> looks for the two published binaries of make publish (native)
/// and make publish-r2r (ReadyToRun), and falls back to the build's apphost when neither exists.
/// </summary>
internal sealed record StatmgrBinary(string Name, string Path, string Kind)
{
    public const string Native = "native";
    public const string ReadyToRun = "ReadyToRun";
    public const string Built = "built";

    /// <summary>
    /// The marker every .NET apphost carries so that the host can find a bundle appended to it
    /// (SHA-256 of ".net core bundle\n"). A NativeAOT binary has no apphost, so no marker: that
    /// is how the bench tells which kind a published file really is, whatever its folder says.
    /// </summary>
    private static readonly byte[] ApphostMarker = SHA256.HashData(Encoding.ASCII.GetBytes(".net core bundle\n"));

    /// <summary>The file's size in bytes.</summary>
    public long Bytes => new FileInfo(Path).Length;

    /// <summary>Whether the file is what its column claims: a single file the bench can compare (not the build's apphost).</summary>
    public bool IsPublished => Name != Built;

    /// <summary>
    /// The published binaries under out/ for <paramref name="rid"/>: native (out/publish) first,
    /// then ReadyToRun (out/publish-r2r). A .NET single file found in out/publish (its layout
    /// before the native build, or a publish that fell back) is taken as the ReadyToRun one when
    /// out/publish-r2r has none. Without any, the build's framework-dependent apphost.
    /// </summary>
    public static IReadOnlyList<StatmgrBinary> Find(string root, string rid, string builtApphost, string configuration)
    {
        var found = new List<StatmgrBinary>();
        var publish = System.IO.Path.Combine(root, "out", "publish", rid, "statmgr");
        var publishR2r = System.IO.Path.Combine(root, "out", "publish-r2r", rid, "statmgr");
        var publishIsNative = File.Exists(publish) && !HasApphostMarker(publish);
        if (publishIsNative)
        {
            found.Add(new StatmgrBinary(Native, publish, "NativeAOT single file (make publish)"));
        }
        if (File.Exists(publishR2r))
        {
            found.Add(new StatmgrBinary(ReadyToRun, publishR2r, "ReadyToRun trimmed single file (make publish-r2r)"));
        }
        else if (File.Exists(publish) && !publishIsNative)
        {
            found.Add(new StatmgrBinary(ReadyToRun, publish, "ReadyToRun single file found in out/publish"));
        }
        if (found.Count == 0)
        {
            found.Add(new StatmgrBinary(Built, builtApphost, $"built binary ({configuration}, framework-dependent): no published binary"));
        }
        return found;
    }

    /// <summary>Read whole: a file of a few tens of MB, once, before anything is measured.</summary>
    private static bool HasApphostMarker(string path) => File.ReadAllBytes(path).AsSpan().IndexOf(ApphostMarker) >= 0;
}

using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// Where the programs under test are: the repository root found from this tool's own build
/// directory (test/stress/bin/CONFIG/TFM), the statmgr binaries (published or built), and the
/// test tools. <see cref="Statmgr"/> is the one a site starts; <see cref="For"/> picks another.
/// </summary>
internal sealed class Tools
{
    /// <summary>The runtime identifier of make's default publish.</summary>
    public const string DefaultRid = "linux-x64";

    private Tools(string root, IReadOnlyList<StatmgrBinary> binaries, StatmgrBinary statmgr)
    {
        Root = root;
        Binaries = binaries;
        Binary = statmgr;
        Ewmodule = ChildProgram.SiblingTool("ewmodule");
        Ewring = ChildProgram.SiblingTool("ewring");
    }

    public string Root { get; }

    /// <summary>Every statmgr binary found: native, then ReadyToRun; or the build's apphost alone.</summary>
    public IReadOnlyList<StatmgrBinary> Binaries { get; }

    /// <summary>The statmgr a site starts: the first of <see cref="Binaries"/> unless <see cref="For"/> chose.</summary>
    public StatmgrBinary Binary { get; }

    /// <summary>statmgr's executable, the path of <see cref="Binary"/>.</summary>
    public string Statmgr => Binary.Path;

    public string Ewmodule { get; }

    public string Ewring { get; }

    /// <summary>The same tools, with <paramref name="binary"/> as the statmgr sites start.</summary>
    public Tools For(StatmgrBinary binary) => new(Root, Binaries, binary);

    public static Tools Find(string rid = DefaultRid)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = Path.Combine(root, "bin", configuration, framework, "statmgr");
        var binaries = StatmgrBinary.Find(root, rid, built, configuration);
        var tools = new Tools(root, binaries, binaries[0]);
        foreach (var program in binaries.Select(b => b.Path).Append(tools.Ewmodule).Append(tools.Ewring))
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"{program} is missing: run make build first");
            }
        }
        return tools;
    }
}

using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// Where the programs under test are: the repository root found from this tool's own build
/// directory (test/stress/bin/CONFIG/TFM), statmgr published or built, and the test tools.
/// </summary>
internal sealed class Tools
{
    private Tools(string root, string configuration, string framework)
    {
        Root = root;
        var published = Path.Combine(root, "out", "publish", "linux-x64", "statmgr");
        var built = Path.Combine(root, "bin", configuration, framework, "statmgr");
        if (File.Exists(published))
        {
            Statmgr = published;
            StatmgrKind = "published single-file binary";
        }
        else
        {
            Statmgr = built;
            StatmgrKind = $"built binary ({configuration}, framework-dependent)";
        }
        Ewmodule = ChildProgram.SiblingTool("ewmodule");
        Ewring = ChildProgram.SiblingTool("ewring");
    }

    public string Root { get; }

    /// <summary>statmgr's executable: out/publish/linux-x64/statmgr if present, else the build's apphost.</summary>
    public string Statmgr { get; }

    /// <summary>Which statmgr <see cref="Statmgr"/> is, for the table.</summary>
    public string StatmgrKind { get; }

    public string Ewmodule { get; }

    public string Ewring { get; }

    public static Tools Find()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var root = bin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var tools = new Tools(root, configuration, framework);
        foreach (var program in new[] { tools.Statmgr, tools.Ewmodule, tools.Ewring })
        {
            if (!File.Exists(program))
            {
                throw new InvalidOperationException($"{program} is missing: run make build first");
            }
        }
        return tools;
    }
}

using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Config;

/// <summary>
/// Every file statmgr reads its configuration from must be a regular file (after symbolic links)
/// of at most the size limit. A FIFO, /dev/zero or a huge file named as statmgr.d, an <c>@</c>
/// include, a Descriptor, a module .d or earthworm.d is refused with C's "Error opening" text and
/// the reason, both by a real start (the log) and by <c>--check</c> (the file:line form), and
/// neither ever hangs.
/// </summary>
public class ConfigurationFileKindTests : ConfigFixtureTests
{
    private readonly List<string> _made = [];

    /// <summary>Where the file of each role is named.</summary>
    public enum Role
    {
        StatmgrD,
        Include,
        Descriptor,
        ModuleD,
        EarthwormD,
    }

    [TearDown]
    public void ReleaseFifos() => _made.ForEach(SpecialFiles.Release);

    [Test]
    public void AStartRefusesTheFileWithCsTextAndTheReason([Values] Role role, [Values] SpecialFile kind)
    {
        var expected = Arrange(role, kind);

        var outcome = SpecialFiles.Within(() => Fixture.Start("statmgr.d"), $"a start with {role} as {kind}");

        Assert.That(outcome.Log.Entries, Does.Contain(("e", expected.Text)));
        if (expected.Fatal)
        {
            Assert.That(outcome.Exit?.ExitCode, Is.EqualTo(255));
            Assert.That(outcome.Exit!.Message, Is.EqualTo(expected.Text));
        }
        else
        {
            Assert.That(outcome.Exit, Is.Null);
        }
    }

    [Test]
    public void CheckRefusesTheFileAtTheLineThatNamesIt([Values] Role role, [Values] SpecialFile kind)
    {
        var expected = Arrange(role, kind);

        var outcome = SpecialFiles.Within(() => Fixture.Check("statmgr.d"), $"--check with {role} as {kind}");

        var severity = expected.Fatal ? "error" : "warning";
        Assert.That(outcome.CheckLines, Does.Contain($"{expected.At}: {severity}: {expected.Text.TrimEnd('\n')}"));
    }

    /// <summary>Writes a configuration whose file of <paramref name="role"/> is of <paramref name="kind"/>.</summary>
    private (string Text, string At, bool Fatal) Arrange(Role role, SpecialFile kind)
    {
        var reason = SpecialFiles.Reason(kind);
        var lineEight = $"{ConfigPath}:8";
        switch (role)
        {
            case Role.StatmgrD:
                ConfigTexts.WriteMinimal(Fixture);
                return (Make(kind, ConfigPath, path => $"statmgr: Error opening command file <{path}>: {reason}; exiting.\n"), $"{ConfigPath}:0", true);
            case Role.Include:
                ConfigTexts.WriteMinimal(Fixture, "@" + Fixture.PathOf("inc.d"));
                return (Make(kind, Fixture.PathOf("inc.d"), path => $"statmgr: Error opening command file <{path}>: {reason}; exiting.\n"), lineEight, true);
            case Role.Descriptor:
                ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
                return (Make(kind, DescPath, path => $"statmgr: Error opening descriptor file <{path}>: {reason}; exiting.\n"), lineEight, true);
            case Role.ModuleD:
                // No tsec in the descriptor: statmgr looks for the interval in the module's .d file.
                ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
                Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW"));
                return (Make(kind, Fixture.PathOf("mod.d"), path => $"statmgr: Error opening .d file <{path}>: {reason}; skipping.\n"), lineEight, false);
            default:
                ConfigTexts.WriteMinimal(Fixture);
                return (Make(kind, Fixture.PathOf(EwParamsFixture.LocalFileName),
                    path => $"GetUtil_LoadTable: Error opening file <{path}>: {reason}; EXITING!\n"), $"{ConfigPath}:0", true);
        }
    }

    private string Make(SpecialFile kind, string path, Func<string, string> text)
    {
        SpecialFiles.Make(kind, path);
        _made.Add(path);
        return text(path);
    }
}

using Statmgr.Earthworm.Kom;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>
/// kom opens only regular files (symbolic links followed) of at most <see cref="KomFile.MaxFileBytes"/>,
/// never blocks in the open, and says why it refused one, for the caller's "Error opening" text.
/// </summary>
public class FileKindTests : KomTestBase
{
    private readonly List<string> _made = [];

    [TearDown]
    public void ReleaseFifos() => _made.ForEach(SpecialFiles.Release);

    [Test]
    public void ASpecialFileIsRefusedAtOnceWithTheReason([Values] SpecialFile kind)
    {
        var kom = NewReader();
        var path = Make(kind, "special.d");

        Assert.That(SpecialFiles.Within(() => kom.Open(path), $"opening {kind}"), Is.Zero);

        Assert.That(kom.OpenRefusal, Is.EqualTo(SpecialFiles.Reason(kind)));
        Assert.That(kom.OpenFailureDetail, Is.EqualTo(": " + SpecialFiles.Reason(kind)));
        Assert.That(kom.OpenFileCount, Is.Zero);
    }

    [Test]
    public void ASpecialFileIncludedFromAnOpenFileLeavesTheParentCurrent()
    {
        var kom = NewReader();
        Assert.That(kom.Open(Files.Write("parent.d", "first\n")), Is.EqualTo(1));
        kom.ReadLine();

        Assert.That(SpecialFiles.Within(() => kom.Open(Make(SpecialFile.Fifo, "fifo.d")), "opening a FIFO"), Is.Zero);

        Assert.That(kom.CurrentFile, Is.EqualTo(Files.PathOf("parent.d")));
        Assert.That(kom.Line, Is.EqualTo("first"));
    }

    [Test]
    public void AFileOfExactlyTheLimitIsReadToItsLastLine()
    {
        // 1,024-byte lines; the last one has no line end and trailing blanks.
        var line = new string('x', 1023) + "\n";
        var count = (int)(KomFile.MaxFileBytes / line.Length);
        var text = string.Concat(Enumerable.Repeat(line, count - 1)) + "last".PadRight(line.Length);
        var kom = NewReader();

        Assert.That(kom.Open(Files.Write("big.d", text)), Is.EqualTo(1));
        var lines = 0;
        while (kom.ReadLineRaw() > 0)
        {
            lines++;
        }

        Assert.That(kom.Line, Is.EqualTo("last"));
        Assert.That(lines, Is.EqualTo(count));
        Assert.That(kom.OpenRefusal, Is.Null);
    }

    [Test]
    public void ASymbolicLinkToARegularFileOpens()
    {
        var target = Files.Write("real.d", "through the link\n");
        var link = Files.PathOf("link.d");
        File.CreateSymbolicLink(link, target);
        var kom = NewReader();

        Assert.That(kom.Open(link), Is.EqualTo(1));
        kom.ReadLine();

        Assert.That(kom.Line, Is.EqualTo("through the link"));
    }

    [Test]
    public void AMissingFileHasNoReasonBesidesCsText()
    {
        var kom = NewReader();
        SpecialFiles.Within(() => kom.Open(Make(SpecialFile.Fifo, "fifo.d")), "opening a FIFO");

        Assert.That(kom.Open(Files.PathOf("absent.d")), Is.Zero);

        Assert.That(kom.OpenRefusal, Is.Null, "a later failure does not keep an earlier reason");
        Assert.That(kom.OpenFailureDetail, Is.Empty);
    }

    [Test]
    public void ADirectoryIsNotARegularFile()
    {
        var kom = NewReader();

        Assert.That(kom.Open(Files.Directory), Is.Zero);

        Assert.That(kom.OpenRefusal, Is.EqualTo("not a regular file (directory)"));
    }

    [Test]
    public void ACommonVarsFifoIsWarnedWithTheReasonAndTheEnvironmentStillWorks()
    {
        Make(SpecialFile.Fifo, "earthworm_commonvars.d");

        var kom = SpecialFiles.Within(() => AtFirstLine("A ${HOME}\n"), "expanding with a FIFO as earthworm_commonvars.d");

        Assert.That(kom.Line, Is.EqualTo("A /home/u"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): Error opening command file <earthworm_commonvars.d>: not a regular file (FIFO); exiting!\n",
        }));
    }

    private string Make(SpecialFile kind, string name)
    {
        var path = Files.PathOf(name);
        SpecialFiles.Make(kind, path);
        _made.Add(path);
        return path;
    }
}

namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>Open/Close, nesting to 5 files, and the suspended parent's exact restore.</summary>
public class FileStackTests : KomTestBase
{
    [Test]
    public void FiveFilesNestAndTheSixthFailsWithoutChangingAnything()
    {
        var kom = NewReader();
        string first = Files.Write("n1.d", "first line of n1 a b\nsecond\n");
        Assert.That(kom.Open(first), Is.EqualTo(1));
        kom.ReadLine();
        Assert.That(kom.NextToken(), Is.EqualTo("first"));

        for (int depth = 2; depth <= 5; depth++)
        {
            string nested = Files.Write($"n{depth}.d", $"line of n{depth}\n");
            Assert.That(kom.Open(nested), Is.EqualTo(depth));
            Assert.That(kom.ReadLine(), Is.GreaterThan(0));
            Assert.That(kom.Line, Is.EqualTo($"line of n{depth}"));
        }

        Assert.That(kom.Open(Files.Write("n6.d", "never read\n")), Is.EqualTo(0));
        Assert.That(kom.OpenFileCount, Is.EqualTo(5));
        Assert.That(kom.CurrentFile, Is.EqualTo(Files.PathOf("n5.d")));
        Assert.That(kom.Line, Is.EqualTo("line of n5"));

        Assert.That(new[] { kom.Close(), kom.Close(), kom.Close(), kom.Close() }, Is.EqualTo(new[] { 4, 3, 2, 1 }));
        Assert.That(kom.CurrentFile, Is.EqualTo(first));
        Assert.That(kom.Line, Is.EqualTo("first line of n1 a b"));
        Assert.That(kom.Its("first"), Is.True);
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "line", "of", "n1" }));
        Assert.That(kom.ReadLine(), Is.EqualTo(6));
        Assert.That(kom.Line, Is.EqualTo("second"));
        Assert.That(kom.CurrentLineNumber, Is.EqualTo(2));
        Assert.That(kom.Close(), Is.EqualTo(0));
        Assert.That(kom.OpenFileCount, Is.EqualTo(0));
    }

    [Test]
    public void ParentErrorAndScanStateAreRestored()
    {
        var kom = NewReader();
        kom.Open(Files.Write("parent.d", "Cmd\n"));
        kom.ReadLine();
        kom.NextToken();
        kom.NextInt();
        kom.Open(Files.Write("child.d", "x 1\n"));
        kom.ReadLine();
        Assert.That(kom.TakeError(), Is.EqualTo(0));
        kom.Close();
        Assert.That(kom.TakeError(), Is.EqualTo(-1));
    }

    [Test]
    public void FailedOpenOfMissingFileKeepsTheCurrentFile()
    {
        var kom = NewReader();
        string parent = Files.Write("parent.d", "a\nb\n");
        kom.Open(parent);
        kom.ReadLine();
        Assert.That(kom.Open(Files.PathOf("missing.d")), Is.EqualTo(0));
        Assert.That(kom.OpenFileCount, Is.EqualTo(1));
        Assert.That(kom.CurrentFile, Is.EqualTo(parent));
        Assert.That(kom.ReadLine(), Is.EqualTo(1));
        Assert.That(kom.Line, Is.EqualTo("b"));
    }

    [TestCase("")]
    [TestCase("no/such/dir/file.d")]
    public void OpenFailuresReturnZero(string path)
    {
        Assert.That(NewReader().Open(path), Is.EqualTo(0));
    }

    [Test]
    public void DirectoryCannotBeOpened()
    {
        Assert.That(NewReader().Open(Files.Directory), Is.EqualTo(0));
    }

    [Test]
    public void NothingOpenIsHarmless()
    {
        var kom = NewReader();
        Assert.That(kom.ReadLine(), Is.EqualTo(0));
        Assert.That(kom.ReadLineRaw(), Is.EqualTo(0));
        Assert.That(kom.Close(), Is.EqualTo(0));
        Assert.That(kom.CurrentFile, Is.Null);
        Assert.That(kom.CurrentLineNumber, Is.EqualTo(0));
        Assert.That(kom.OpenFileCount, Is.EqualTo(0));
    }

    [Test]
    public void FreshReaderHoldsKomsInitialLine()
    {
        var kom = NewReader();
        Assert.That(kom.Line, Is.EqualTo("Virgin"));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
    }

    [Test]
    public void EndOfFileKeepsReturningZeroUntilClosed()
    {
        var kom = NewReader();
        kom.Open(Files.Write("one.d", "only\n"));
        Assert.That(kom.ReadLine(), Is.EqualTo(4));
        Assert.That(kom.ReadLine(), Is.EqualTo(0));
        Assert.That(kom.ReadLine(), Is.EqualTo(0));
        Assert.That(kom.Line, Is.EqualTo("only"));
        Assert.That(kom.OpenFileCount, Is.EqualTo(1));
    }

    [Test]
    public void DisposeClosesEveryFile()
    {
        var kom = NewReader();
        kom.Open(Files.Write("a.d", "a\n"));
        kom.Open(Files.Write("b.d", "b\n"));
        kom.Dispose();
        Assert.That(kom.OpenFileCount, Is.EqualTo(0));
    }

    [Test]
    public void LineNumbersCountPhysicalLines()
    {
        var kom = NewReader();
        kom.Open(Files.Write("lines.d", "one\r\n\r\n" + new string('x', 3000) + "\nlast"));
        var seen = new List<(int, string)>();
        while (kom.ReadLine() > 0)
        {
            seen.Add((kom.CurrentLineNumber, kom.Line.Length > 10 ? "long" + kom.Line.Length : kom.Line));
        }

        Assert.That(seen, Is.EqualTo(new[] { (1, "one"), (2, " "), (3, "long2046"), (3, "long954"), (4, "last") }));
    }
}

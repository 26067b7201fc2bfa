using System.Text;

namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>Physical line reading: chunking, line ends, bytes, Put.</summary>
public class LineReadingTests : KomTestBase
{
    [Test]
    public void LineOfExactly2046CharsIsFollowedByABlankLine()
    {
        var kom = AtFirstLine(new string('y', 2046) + "\nnext\n");
        Assert.That(kom.Line, Is.EqualTo(new string('y', 2046)));
        Assert.That(kom.ReadLine(), Is.EqualTo(1));
        Assert.That(kom.Line, Is.EqualTo(" "));
        Assert.That(kom.ReadLine(), Is.EqualTo(4));
        Assert.That(kom.Line, Is.EqualTo("next"));
    }

    [Test]
    public void LineOf2045CharsIsOneLine()
    {
        var kom = AtFirstLine(new string('y', 2045) + "\nnext\n");
        Assert.That(kom.Line, Has.Length.EqualTo(2045));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("next"));
    }

    [Test]
    public void CrlfLinesReadLikeLfLines()
    {
        var kom = NewReader();
        kom.Open(Files.Write("crlf.d", "Ring WAVE_RING 1000\r\n\r\n Module MOD_X 5 \r\nlast\r\n"));
        var lines = new List<string>();
        while (kom.ReadLine() > 0)
        {
            lines.Add(kom.Line);
        }

        Assert.That(lines, Is.EqualTo(new[] { "Ring WAVE_RING 1000", " ", " Module MOD_X 5", "last" }));
    }

    [Test]
    public void CarriageReturnOnlyFileIsOneLine()
    {
        var kom = AtFirstLine("a b\rc d\r");
        Assert.That(kom.Line, Is.EqualTo("a b\rc d"));
        Assert.That(kom.ReadLine(), Is.EqualTo(0));
    }

    [Test]
    public void Latin1BytesRoundTrip()
    {
        var kom = NewReader();
        byte[] content = [.. "Cmd Le\u00F3n "u8, 0xF3, (byte)' ', 0xC3, 0xB3, (byte)'\n'];
        kom.Open(Files.WriteBytes("latin.d", content));
        kom.ReadLine();
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "Le\u00C3\u00B3n", "\u00F3", "\u00C3\u00B3" }));
        Assert.That(Encoding.Latin1.GetBytes(kom.Line + "\n"), Is.EqualTo(content));
    }

    [Test]
    public void NulByteEndsTheLineLikeACString()
    {
        var kom = NewReader();
        kom.Open(Files.WriteBytes("nul.d", [(byte)'a', (byte)' ', (byte)'b', 0, (byte)'c', (byte)'\n', (byte)'n', (byte)'\n']));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("a b"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("n"));
        Assert.That(kom.CurrentLineNumber, Is.EqualTo(2));
    }

    [Test]
    public void PutNormalisesWithoutExpansionAndResetsState()
    {
        var kom = NewReader();
        kom.Put("x");
        kom.NextToken();
        kom.NextToken();
        Assert.That(kom.Put("\tCmd ${HOME}\t \r\n"), Is.EqualTo(12));
        Assert.That(kom.Line, Is.EqualTo(" Cmd ${HOME}"));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "Cmd", "${HOME}", null }));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void PutOfNothingIsABlankLine()
    {
        var kom = NewReader();
        Assert.That(kom.Put(""), Is.EqualTo(1));
        Assert.That(kom.Line, Is.EqualTo(" "));
    }

    [Test]
    public void PutKeepsAtMost2047Chars()
    {
        var kom = NewReader();
        Assert.That(kom.Put(new string('z', 5000)), Is.EqualTo(2047));
    }

    [Test]
    public void WorkingBufferShowsTheCutsTokenisingMakes()
    {
        var kom = NewReader();
        kom.Put("Cmd abc def");
        Assert.That(kom.WorkingBuffer, Is.EqualTo("Cmd abc def"));
        kom.NextToken();
        Assert.That(kom.WorkingBuffer, Is.EqualTo("Cmd"));
        Assert.That(kom.Line, Is.EqualTo("Cmd abc def"));
    }

    [Test]
    public void UnterminatedQuoteMovesTheLastTokenStartLikeC()
    {
        var kom = NewReader();
        kom.Put("Cmd \"abc");
        kom.NextToken();
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.Its("abc"), Is.True);
    }

    [Test]
    public void UnterminatedBracketIsNull()
    {
        var kom = NewReader();
        kom.Put("Cmd [a b");
        kom.NextToken();
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
    }

    [Test]
    public void ErrorsAreStickyUntilTaken()
    {
        var kom = NewReader();
        kom.Put("Cmd abc 5");
        kom.NextToken();
        kom.NextInt();
        Assert.That(kom.NextInt(), Is.EqualTo(5));
        Assert.That(kom.TakeError(), Is.EqualTo(-2));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [Test]
    public void RawReadDoesNotExpand()
    {
        var kom = AtFirstLine("Cmd ${HOME}\n", expand: false);
        Assert.That(kom.Line, Is.EqualTo("Cmd ${HOME}"));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(20260125);
        byte[] content = new byte[64 * 1024];
        random.NextBytes(content);
        for (int i = 0; i < content.Length; i += 1 + random.Next(80))
        {
            content[i] = (byte)"\n \t\"[]$#{}\r"[random.Next(11)];
        }

        var kom = NewReader();
        kom.Open(Files.WriteBytes("random.d", content));
        int lines = 0;
        while (kom.ReadLine() > 0)
        {
            lines++;
            kom.Its("x");
            kom.NextInt();
            kom.NextLong();
            kom.NextDouble();
            while (kom.NextToken() is not null)
            {
                kom.Its("y");
            }

            kom.TakeError();
        }

        Assert.That(lines, Is.GreaterThan(100));
    }
}

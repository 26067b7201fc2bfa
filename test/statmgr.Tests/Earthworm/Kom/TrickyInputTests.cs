namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>
/// Lines on which C's kom was seen to do something surprising (blanks, quotes, CR, numbers, long
/// lines, ${NAME}), one test each, read with Open + ReadLine; the expectations are what C returned.
/// </summary>
public class TrickyInputTests : KomTestBase
{
    [Test]
    public void RingLine()
    {
        var kom = AtFirstLine("Ring WAVE_RING 1000\n");
        Assert.That(kom.NextToken(), Is.EqualTo("Ring"));
        Assert.That(kom.Its("Ring"), Is.True);
        Assert.That(kom.NextToken(), Is.EqualTo("WAVE_RING"));
        Assert.That(kom.NextLong(), Is.EqualTo(1000L));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
        Assert.That(kom.Line, Is.EqualTo("Ring WAVE_RING 1000"));
        Assert.That(kom.WorkingBuffer, Is.EqualTo("Ring"));
    }

    [Test]
    public void IndentedLineWithTabAndTrailingComment()
    {
        var kom = AtFirstLine("  Module\tMOD_X   5   # comment\n");
        Assert.That(kom.NextToken(), Is.EqualTo("Module"));
        Assert.That(kom.NextToken(), Is.EqualTo("MOD_X"));
        Assert.That(kom.NextInt(), Is.EqualTo(5));
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "#", "comment", null }));
        Assert.That(kom.Line, Is.EqualTo("  Module MOD_X   5   # comment"));
    }

    [Test]
    public void EmptyLine()
    {
        var kom = NewReader();
        kom.Open(Files.Write("test.d", "\n"));
        Assert.That(kom.ReadLine(), Is.EqualTo(1));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
        Assert.That(kom.Line, Is.EqualTo(" "));
    }

    [Test]
    public void BlanksTabAndCrlfOnly()
    {
        var kom = NewReader();
        kom.Open(Files.Write("test.d", "   \t  \r\n"));
        Assert.That(kom.ReadLine(), Is.EqualTo(1));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.Line, Is.EqualTo(" "));
    }

    [TestCase("# comment line", "#")]
    [TestCase("#comment", "#comment")]
    public void CommentLinesGiveTheirFirstToken(string line, string first)
    {
        Assert.That(AtFirstLine(line + "\n").NextToken(), Is.EqualTo(first));
    }

    [Test]
    public void QuotedTokenKeepsBlanksAndHash()
    {
        var kom = AtFirstLine("Cmd \"a b # c\" x\n");
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "a b # c", "x", null }));
    }

    [Test]
    public void UnterminatedQuoteIsNullEveryTime()
    {
        var kom = AtFirstLine("Cmd \"unterminated rest\n");
        Assert.That(kom.NextToken(), Is.EqualTo("Cmd"));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
        Assert.That(kom.NextToken(), Is.Null);
        Assert.That(kom.TakeError(), Is.EqualTo(-17));
    }

    [Test]
    public void EmptyQuotedToken()
    {
        var kom = AtFirstLine("Cmd \"\" x\n");
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "Cmd", "", "x" }));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [Test]
    public void QuoteInsidePlainToken()
    {
        var kom = AtFirstLine("Cmd ab\"cd ef\"\n");
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "ab\"cd", "ef\"", null }));
    }

    [Test]
    public void TextRightAfterClosingQuoteIsTheNextToken()
    {
        var kom = AtFirstLine("Cmd \"ab\"cd\n");
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "ab", "cd", null }));
    }

    [Test]
    public void CommasAreNotDelimiters()
    {
        var kom = AtFirstLine("Cmd a,b,c\n");
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "Cmd", "a,b,c", null }));
    }

    [Test]
    public void BracketedTokenKeepsOpeningBracket()
    {
        var kom = AtFirstLine("Cmd [a b] c\n");
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "[a b", "c", null }));
    }

    [Test]
    public void HashInsidePlainToken()
    {
        var kom = AtFirstLine("Cmd val#comment\n");
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "Cmd", "val#comment", null }));
    }

    [TestCase("12abc", 12, 0)]
    [TestCase("abc", 0, -2)]
    [TestCase("-0", 0, -2)]
    [TestCase("+0", 0, -2)]
    [TestCase("0x1F", 0, 0)]
    [TestCase("3.9", 3, 0)]
    [TestCase("-17", -17, 0)]
    public void IntegerConversion(string token, int value, int error)
    {
        var kom = AtFirstLine("Cmd " + token + "\n");
        kom.NextToken();
        Assert.That(kom.NextInt(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(error));
    }

    [Test]
    public void IntegerOverflowKeepsLow32BitsAndLongKeepsAll()
    {
        var kom = AtFirstLine("Cmd 99999999999 99999999999\n");
        kom.NextToken();
        Assert.That(kom.NextInt(), Is.EqualTo(1215752191));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
        Assert.That(kom.NextLong(), Is.EqualTo(99999999999L));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [Test]
    public void MissingNumberIsErrorMinusOne()
    {
        var kom = AtFirstLine("Cmd\n");
        kom.NextToken();
        Assert.That(kom.NextInt(), Is.EqualTo(0));
        Assert.That(kom.TakeError(), Is.EqualTo(-1));
        Assert.That(kom.NextDouble(), Is.EqualTo(0.0));
        Assert.That(kom.TakeError(), Is.EqualTo(-1));
    }

    [TestCase("abc", 0.0)]
    [TestCase("1e3", 1000.0)]
    [TestCase(".5", 0.5)]
    [TestCase("0x10", 16.0)]
    [TestCase("inf", double.PositiveInfinity)]
    [TestCase("1,5", 1.0)]
    public void DoubleConversionNeverSetsErrorMinusTwo(string token, double value)
    {
        var kom = AtFirstLine("Cmd " + token + "\n");
        kom.NextToken();
        Assert.That(kom.NextDouble(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(0));
    }

    [TestCase("Cmd \"\"", 0, -2)]
    [TestCase("Cmd \" 7\"", 7, 0)]
    public void QuotedIntegers(string line, int value, int error)
    {
        var kom = AtFirstLine(line + "\n");
        kom.NextToken();
        Assert.That(kom.NextInt(), Is.EqualTo(value));
        Assert.That(kom.TakeError(), Is.EqualTo(error));
    }

    [Test]
    public void ItsIsCaseSensitive()
    {
        var kom = AtFirstLine("ring\n");
        kom.NextToken();
        Assert.That(kom.Its("Ring"), Is.False);
        Assert.That(kom.Its("RING"), Is.False);
        Assert.That(kom.Its("ring"), Is.True);
    }

    [Test]
    public void ItsComparesWholeToken()
    {
        var kom = AtFirstLine("Ringer\n");
        kom.NextToken();
        Assert.That(kom.Its("Ring"), Is.False);
    }

    [Test]
    public void ItsBeforeAnyTokenComparesFromColumnZero()
    {
        Assert.That(AtFirstLine("Ring\n").Its("Ring"), Is.True);
    }

    [Test]
    public void ItsBeforeAnyTokenIncludesLeadingBlanks()
    {
        Assert.That(AtFirstLine("  Ring\n").Its("Ring"), Is.False);
    }

    [Test]
    public void ItsAfterNullStillSeesLastToken()
    {
        var kom = AtFirstLine("Cmd a b\n");
        Assert.That(Tokens(kom, 4), Is.EqualTo(new[] { "Cmd", "a", "b", null }));
        Assert.That(kom.Its("b"), Is.True);
    }

    [Test]
    public void AllTrailingCarriageReturnsAreRemoved()
    {
        var kom = AtFirstLine("A\r\r\n");
        Assert.That(Tokens(kom, 2), Is.EqualTo(new[] { "A", null }));
        Assert.That(kom.Line, Is.EqualTo("A"));
    }

    [Test]
    public void InteriorCarriageReturnIsAnOrdinaryChar()
    {
        var kom = AtFirstLine("A\rB C\n");
        Assert.That(kom.NextToken(), Is.EqualTo("A\rB"));
    }

    [Test]
    public void LastLineWithoutNewlineIsRead()
    {
        var kom = AtFirstLine("no newline at eof");
        Assert.That(kom.Line, Is.EqualTo("no newline at eof"));
        Assert.That(kom.ReadLine(), Is.EqualTo(0));
    }

    [Test]
    public void TabsBecomeSpacesAndTrailingBlanksGo()
    {
        var kom = AtFirstLine("x \t y\t\n");
        Assert.That(kom.Line, Is.EqualTo("x   y"));
        Assert.That(Tokens(kom, 3), Is.EqualTo(new[] { "x", "y", null }));
    }

    [Test]
    public void LongLineIsSplitAt2046Chars()
    {
        var kom = AtFirstLine(new string('x', 2100) + " tail\n");
        Assert.That(kom.Line, Is.EqualTo(new string('x', 2046)));
        Assert.That(kom.ReadLine(), Is.EqualTo(59));
        Assert.That(kom.Line, Is.EqualTo(new string('x', 54) + " tail"));
    }

    [Test]
    public void PartialExpansionIsSilent()
    {
        Files.WriteCommonVars("SetEnvVariable OTHER x\n");
        var kom = AtFirstLine("L2 ${HOME} ${NOPE_X} end\n");
        Assert.That(kom.Line, Is.EqualTo("L2 /home/u ${NOPE_X} end"));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "LoadTableEnvVariable(): nfiles 2\n" }));
    }

    [Test]
    public void NothingResolvedKeepsLineAndWarns()
    {
        Files.WriteCommonVars("SetEnvVariable OTHER x\n");
        var kom = AtFirstLine("L3 ${NOPE_X}\n");
        Assert.That(kom.Line, Is.EqualTo("L3 ${NOPE_X}"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): nfiles 2\n",
            "warning: skipping variable expansion for the following line (env var match not found):\nL3 ${NOPE_X}\n",
        }));
    }

    [Test]
    public void HashStopsExpansionWithoutWarning()
    {
        var kom = AtFirstLine("L4 # ${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("L4 # ${HOME}"));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void DollarNameAndBlankNameAreNotExpanded()
    {
        Files.WriteCommonVars("SetEnvVariable OTHER x\n");
        var kom = AtFirstLine("L5 $HOME ${ HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("L5 $HOME ${ HOME}"));
        Assert.That(Diagnostics[^1], Is.EqualTo(
            "warning: skipping variable expansion for the following line (env var match not found):\nL5 $HOME ${ HOME}\n"));
    }

    [Test]
    public void ExpansionHappensInsideQuotes()
    {
        var kom = AtFirstLine("L6 \"${HOME}/x y\"\n");
        Assert.That(kom.Line, Is.EqualTo("L6 \"/home/u/x y\""));
        Assert.That(Tokens(kom, 2), Is.EqualTo(new[] { "L6", "/home/u/x y" }));
    }
}

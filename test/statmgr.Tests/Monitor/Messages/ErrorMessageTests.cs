using System.Text;
using Statmgr.Monitor.Messages;

namespace Statmgr.Tests.Monitor.Messages;

public class ErrorMessageTests
{
    private static (bool Ok, long Time, short Number, string Note, string? Error) Parse(string body, byte module = 3) =>
        Parse(Encoding.Latin1.GetBytes(body), module);

    private static (bool Ok, long Time, short Number, string Note, string? Error) Parse(byte[] body, byte module = 3)
    {
        bool ok = ErrorMessage.TryParse(body, module, new SenderTimeLimit(() => 1709658131), out var e, out var error);
        return (ok, e.Time, e.Number, e.NoteText, error);
    }

    [Test]
    public void NoteKeepsItsNewline()
    {
        Assert.That(Parse("1709658131 3 Station XYZ dead\n"), Is.EqualTo((true, 1709658131L, (short)3, "Station XYZ dead\n", (string?)null)));
    }

    [Test]
    public void NoteStartsAfterOneSeparator()
    {
        Assert.That(Parse("1709658131 3  x\n").Note, Is.EqualTo(" x\n"));
    }

    [Test]
    public void NumberEndedByNewlineHasNoNote()
    {
        Assert.That(Parse("1709658131 3\n"), Is.EqualTo((true, 1709658131L, (short)3, "", (string?)null)));
        Assert.That(Parse("1709658131 3"), Is.EqualTo((true, 1709658131L, (short)3, "", (string?)null)));
    }

    [Test]
    public void ANewlineAfterTheSeparatorIsTheNote()
    {
        Assert.That(Parse("1709658131 3 \n").Note, Is.EqualTo("\n"));
    }

    [TestCase("1709658131\n", 7, "error decoding error msg:1709658131\n, wrong number of tokens 1, from mod:7", TestName = "{m}(OneTokenIsTooFew)")]
    [TestCase(" \n", 3, "error decoding error msg: \n, wrong number of tokens 0, from mod:3", TestName = "{m}(EmptyIsTooFew)")]
    [TestCase("17x9 3 note\n", 3, "error decoding error msg time, non-numeric char <x> found at position 2, from mod:3", TestName = "{m}(NonNumericTime)")]
    [TestCase("1709 3y note\n", 3, "error decoding error msg number, non-numeric char <y> found at position 1, from mod:3", TestName = "{m}(NonNumericNumber)")]
    [TestCase("1709 3 bad\r\n", 3, "error decoding error note, non-printable char <\r>[13] found at position 3, from mod:3", TestName = "{m}(CarriageReturnInTheNoteIsNotPrintable)")]
    public void UndecodableMessagesSayWhyAsC(string body, int module, string error)
    {
        Assert.That(Parse(body, (byte)module).Error, Is.EqualTo(error));
    }

    [Test]
    public void HighBytesPrintAsSignedChars()
    {
        var body = Encoding.ASCII.GetBytes("1709 3 caf?\n");
        body[10] = 0xE9;
        Assert.That(Parse(body).Error, Is.EqualTo("error decoding error note, non-printable char <\u00e9>[-23] found at position 3, from mod:3"));
    }

    [Test]
    public void NumbersWrapAsAShort()
    {
        Assert.That(Parse("1709 70000 x\n").Number, Is.EqualTo((short)4464));
        Assert.That(Parse("1709 99999999999999999999 x\n").Number, Is.EqualTo((short)-1));
    }

    [Test]
    public void ATimeMoreThanADayAheadIsADecodeErrorQuotingTheDigits()
    {
        Assert.That(Parse("1709744531 3 x\n").Ok, Is.True, "exactly a day ahead");
        Assert.That(Parse("1709744532 3 x\n").Error,
            Is.EqualTo("error decoding error msg time, <1709744532> is more than 86400 s ahead of statmgr's clock, from mod:3"));
    }
}

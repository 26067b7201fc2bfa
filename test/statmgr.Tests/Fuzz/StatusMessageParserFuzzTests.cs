using System.Text;
using Statmgr.Monitor.Messages;

namespace Statmgr.Tests.Fuzz;

/// <summary>
/// Random heartbeat and error bodies (up to C's 511 bytes) through the span parsers, checked
/// against a plain reference reading of C's grammar (a heartbeat is one or two all-digit tokens
/// split on space and newline only; an error is two all-digit tokens, then, after the one character
/// that ends the second, a note of printable characters and newlines): the parsers must
/// never throw, must accept exactly what the grammar accepts, and must name one of C's decode texts
/// otherwise.
/// </summary>
[Category(TestCategory.Fuzz)]
public class StatusMessageParserFuzzTests
{
    private static readonly string[] HeartbeatErrors =
    {
        "error decoding heartbeat:",
        "error decoding heartbeat time, non-numeric char <",
        "error decoding heartbeat PID, non-numeric char <",
    };

    private static readonly string[] ErrorErrors =
    {
        "error decoding error msg:",
        "error decoding error msg time, non-numeric char <",
        "error decoding error msg number, non-numeric char <",
        "error decoding error note, non-printable char <",
    };

    /// <summary>A clock at the end of time, so that no time is too far ahead: the grammar alone decides.</summary>
    private static readonly SenderTimeLimit AnyTime = new(() => long.MaxValue);

    // Bytes that matter to the grammar, weighted so that well-formed messages are common.
    private static readonly byte[] Alphabet = Encoding.Latin1.GetBytes("0123456789012345678901234567890123456789      \n\n\t\r\0xA-+\u00E9\u007F");

    [Test]
    public void HeartbeatParserAgreesWithTheGrammar()
    {
        var random = new Random(FuzzBudget.Seed + 3);
        var accepted = 0;
        for (var i = 0; i < FuzzBudget.Inputs; i++)
        {
            var body = RandomBody(random);
            var ok = HeartbeatMessage.TryParse(body, 7, AnyTime, out var message, out var error);
            var tokens = Tokens(CString(body));
            var expected = tokens.Count is 1 or 2 && tokens.All(AllDigits);
            Assert.That(ok, Is.EqualTo(expected), () => Show(body));
            if (ok)
            {
                accepted++;
                Assert.That(error, Is.Null);
                Assert.That(Encoding.Latin1.GetString(message.Pid), Is.EqualTo(tokens.Count == 2 ? tokens[1] : ""));
                if (tokens[0].TrimStart('0').Length <= 18)
                {
                    Assert.That(message.Time, Is.EqualTo(tokens[0].Length == 0 ? 0 : long.Parse(tokens[0], System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                Assert.That(HeartbeatErrors.Any(prefix => error!.StartsWith(prefix, StringComparison.Ordinal)), () => error!);
                Assert.That(error, Does.EndWith(", from mod:7"));
            }
        }
        Assert.That(accepted, Is.GreaterThan(FuzzBudget.Inputs / 50), "the generator must reach the accepting paths");
    }

    [Test]
    public void ErrorParserAgreesWithTheGrammar()
    {
        var random = new Random(FuzzBudget.Seed + 4);
        var accepted = 0;
        for (var i = 0; i < FuzzBudget.Inputs; i++)
        {
            var body = RandomBody(random);
            var ok = ErrorMessage.TryParse(body, 9, AnyTime, out var message, out var error);
            var text = CString(body);
            var tokens = Tokens(text);
            var expected = tokens.Count >= 2 && AllDigits(tokens[0]) && AllDigits(tokens[1]) && NoteOf(text).All(c => c == '\n' || c is >= ' ' and <= '~');
            Assert.That(ok, Is.EqualTo(expected), () => Show(body));
            if (ok)
            {
                accepted++;
                Assert.That(message.NoteText, Is.EqualTo(NoteOf(text)), () => Show(body));
            }
            else
            {
                Assert.That(ErrorErrors.Any(prefix => error!.StartsWith(prefix, StringComparison.Ordinal)), () => error!);
                Assert.That(error, Does.EndWith(", from mod:9"));
            }
        }
        Assert.That(accepted, Is.GreaterThan(FuzzBudget.Inputs / 50), "the generator must reach the accepting paths");
    }

    private static byte[] RandomBody(Random random)
    {
        var body = new byte[random.Next(random.Next(4) == 0 ? 512 : 40)];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = random.Next(20) == 0 ? (byte)random.Next(256) : Alphabet[random.Next(Alphabet.Length)];
        }
        return body;
    }

    private static string CString(byte[] body)
    {
        var nul = Array.IndexOf(body, (byte)0);
        return Encoding.Latin1.GetString(body, 0, nul < 0 ? body.Length : nul);
    }

    private static List<string> Tokens(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static bool AllDigits(string token) => token.All(char.IsAsciiDigit);

    /// <summary>Everything after the single separator that ends the second token, as C takes an error's note.</summary>
    private static string NoteOf(string text)
    {
        var i = 0;
        for (var token = 0; token < 2; token++)
        {
            while (i < text.Length && text[i] is ' ' or '\n')
            {
                i++;
            }
            while (i < text.Length && text[i] is not (' ' or '\n'))
            {
                i++;
            }
        }
        return i + 1 < text.Length ? text[(i + 1)..] : "";
    }

    private static string Show(byte[] body) => Convert.ToHexString(body);
}

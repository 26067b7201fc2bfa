using System.Text;
using Statmgr.Earthworm.Kom;

namespace Statmgr.Tests.Fuzz;

[Category(TestCategory.Fuzz)]
public class CommandFileReaderFuzzTests
{
    private const string Seed =
        "# statmgr.d shaped seed\n"
        + "MyModuleId   MOD_STATMGR\n"
        + "RingName     STATUS_RING\n"
        + "GetStatusFrom ${EW_INST_ID} MOD_WILDCARD\n"
        + "heartbeatPageit 60\n"
        + "pagegroup \"on call\"   # quoted\n"
        + "Cmd [a b] c 12abc -17 0x10 1,5\n"
        + "Descriptor pick_ew.desc\n"
        + "err: 3 nerr: 1 tsec: 0 page: 1 mail: 10\n"
        + "text: \"Station XYZ dead\"\n";

    private TempDirectory _directory = null!;

    // tmpfs when the machine has one: twenty thousand small files should not wait on a disk.
    [SetUp]
    public void CreateDirectory() => _directory = new TempDirectory("statmgr-fuzz-kom-", inMemory: true);

    [TearDown]
    public void RemoveDirectory() => _directory.Dispose();

    [Test]
    public void MutatedFilesNeverThrowAndLinesStayWithinTheBuffer()
    {
        var random = new Random(FuzzBudget.Seed);
        var mutator = new TextMutator(random);
        var path = _directory.PathOf("fuzz.d");
        var environment = new Dictionary<string, string?> { ["EW_PARAMS"] = _directory.Directory, ["EW_INST_ID"] = "INST_MENLO" };
        long tokens = 0;

        var run = new WatchedRun(FuzzBudget.Inputs, (_, run) =>
        {
            run.Operation = "write";
            File.WriteAllBytes(path, Encoding.Latin1.GetBytes(mutator.Mutate(Seed)));
            run.Operation = "read";
            using var reader = new CommandFileReader(name => environment.GetValueOrDefault(name), _ => { });
            Assert.That(reader.Open(path), Is.EqualTo(1));
            var lines = 0;
            while (reader.ReadLine() > 0)
            {
                // C's buffer is 2048 bytes: no line the reader hands out may be longer than 2047.
                Assert.That(reader.Line.Length, Is.InRange(1, 2047));
                lines++;
                while (reader.NextToken() is { } token)
                {
                    Assert.That(token.Length, Is.LessThanOrEqualTo(2047));
                    tokens++;
                    reader.Its("Ring");
                }
                reader.TakeError();
                Assert.That(lines, Is.LessThan(10_000), "a small file must not yield endless lines");
            }
            Assert.That(reader.Close(), Is.Zero);
        });
        run.RunAndWatch();

        TestContext.Out.WriteLine($"{FuzzBudget.Inputs} files, {tokens} tokens, heap growth {run.HeapGrowth} bytes");
        Assert.That(tokens, Is.GreaterThan(FuzzBudget.Inputs), "the fuzzer must actually produce tokens");
        Assert.That(run.HeapGrowth, Is.LessThan(4L << 20), "heap growth after the first tenth of the inputs");
    }

    [Test]
    public void RandomLinesThroughPutNeverThrowAndNumbersStayDeterministic()
    {
        var random = new Random(FuzzBudget.Seed + 1);
        var mutator = new TextMutator(random);
        using var reader = new CommandFileReader(_ => null, _ => { });
        for (var i = 0; i < FuzzBudget.Inputs; i++)
        {
            var line = mutator.RandomBytesLine(random.Next(64)) + " " + random.NextInt64(-1L << 62, 1L << 62);
            reader.Put(line);
            reader.NextToken();
            var first = reader.NextLong();
            reader.Put(line);
            reader.NextToken();
            Assert.That(reader.NextLong(), Is.EqualTo(first), "the same line must convert the same way");
            reader.NextDouble();
            reader.NextInt();
            Assert.That(reader.TakeError(), Is.AnyOf(KomError.None, KomError.NoNumber, KomError.BadNumber, KomError.NoToken));
        }
    }
}

using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// Interop with a C peer written from the SHM_HEAD / TPORT_HEAD layouts alone (Interop/ringpeer.c, compiled with
/// gcc into a temp directory): C writes and the port reads, the port writes and C reads, with
/// varying lengths so that records and headers wrap at the end of the ring. Run twice: the peer
/// built for x86-64 (LP64), and built with -m32 (ILP32, a 32-bit Earthworm on the same host).
/// </summary>
[TestFixture("LP64")]
[TestFixture("ILP32")]
public class RingInteropTests
{
    private static readonly Logo[] Logos = [new(1, 2, 3), new(1, 2, 2), new(6, 131, 104)];
    private readonly TestRingKeys _keys = new();
    private readonly RingLayout _layout;
    private readonly int _head;
    private readonly int _record;
    private readonly ulong _keyMax;
    private TempDirectory? _tempDir;
    private string _peer = "";

    public RingInteropTests(string layoutName)
    {
        _layout = layoutName == "ILP32" ? RingLayout.Ilp32 : RingLayout.Lp64;
        _head = _layout.ShmHeadSize;
        _record = _layout.TportHeadSize;
        _keyMax = (ulong)(1024 - _head);
    }

    [OneTimeSetUp]
    public void CompilePeer()
    {
        // A host without gcc, or whose kernel cannot run 32-bit programs, skips these with the reason.
        if (_layout == RingLayout.Ilp32)
        {
            HostCapabilities.RequireGccM32();
        }
        else
        {
            HostCapabilities.RequireGcc();
        }
        _tempDir = new TempDirectory("ringpeer-");
        _peer = _tempDir.PathOf("ringpeer");
        var source = Path.Combine(AppContext.BaseDirectory, "Earthworm", "Transport", "Interop", "ringpeer.c");
        string[] bits = _layout == RingLayout.Ilp32 ? ["-m32"] : [];
        var gcc = ChildProgram.Run(ChildProgram.StartInfo("gcc", [.. bits, "-O2", "-Wall", "-Wextra", "-Werror", "-o", _peer, source]));
        Assert.That(gcc.ExitCode, Is.EqualTo(0), gcc.Stderr);
    }

    [OneTimeTearDown]
    public void RemoveTempDir() => _tempDir?.Dispose();

    [TearDown]
    public void RemoveRings() => _keys.DestroyAll();

    [Test]
    public void PortReadsWhatCWrote()
    {
        var key = _keys.Next();
        using var peer = new LineProcess(_peer, key.ToString());
        Assert.That(peer.Ask("create 1024"), Is.EqualTo("ok"));
        using var reader = SystemVRing.Attach("INTEROP_RING", key);
        using var copier = SystemVRing.Attach("INTEROP_RING", key);
        Assert.That(reader.Layout, Is.SameAs(_layout), "the layout is detected from C's header");
        Assert.That(peer.Ask("head"), Is.EqualTo($"head 1024 {_keyMax} 0 0 0"));

        var random = new Random(7);
        var buffer = new byte[511];
        var splitHeaders = 0;
        var sawPadding = false;
        for (var round = 0; round < 200; round++)
        {
            var sent = new List<(Logo Logo, byte[] Body, byte Seq)>();
            for (var m = 0; m < 3; m++)
            {
                var logo = Logos[random.Next(Logos.Length)];
                var body = RandomText(random, random.Next(0, 200));
                var answer = peer.Ask($"put {logo.Type} {logo.Module} {logo.Installation} {Hex(body)}").Split(' ');
                Assert.That(answer[0], Is.EqualTo("ok"));
                var start = ulong.Parse(answer[2]);
                if (start % _keyMax > _keyMax - (ulong)_record)
                {
                    splitHeaders++;
                }
                sawPadding |= reader.MappedBytes[_head + (int)((start % _keyMax + 1) % _keyMax)] == 0xA5;
                sent.Add((logo, body, byte.Parse(answer[1])));
            }
            foreach (var (logo, body, seq) in sent)
            {
                Assert.That(reader.GetMessage([Logo.Wildcard], buffer, out var gotLogo, out var length), Is.EqualTo(GetStatus.Ok));
                Assert.That((gotLogo, Encoding.ASCII.GetString(buffer, 0, length)), Is.EqualTo((logo, Encoding.ASCII.GetString(body))));
                Assert.That(copier.CopyFrom([Logo.Wildcard], buffer, out gotLogo, out length, out var gotSeq), Is.EqualTo(GetStatus.Ok));
                Assert.That((gotLogo, length, gotSeq), Is.EqualTo((logo, body.Length, seq)));
            }
            Assert.That(reader.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
        }
        Assert.That(reader.ReadHeader().KeyIn, Is.GreaterThan(5UL * _keyMax), "the ring wrapped several times");
        Assert.That(splitHeaders, Is.GreaterThan(0), "some header was split across the end");
        Assert.That(sawPadding, Is.True, "C's padding (0xA5) was there and was ignored");
    }

    [Test]
    public void CReadsWhatThePortWrote()
    {
        var key = _keys.Next();
        using var writer = SystemVRing.Create("INTEROP_RING", key, 1024, _layout);
        using var peer = new LineProcess(_peer, key.ToString());
        Assert.That(peer.Ask("attach"), Is.EqualTo("ok"));
        Assert.That(peer.Ask("head"), Is.EqualTo($"head 1024 {_keyMax} 0 0 0"));

        var random = new Random(11);
        var sequences = new Dictionary<Logo, int>();
        var splitHeaders = 0;
        for (var round = 0; round < 200; round++)
        {
            var expected = new List<string>();
            for (var m = 0; m < 3; m++)
            {
                var logo = Logos[random.Next(Logos.Length)];
                var body = RandomText(random, random.Next(0, 200));
                var start = writer.ReadHeader().KeyIn;
                if (start % _keyMax > _keyMax - (ulong)_record)
                {
                    splitHeaders++;
                }
                Assert.That(writer.Put(logo, body), Is.EqualTo(PutStatus.Ok));
                var seq = sequences.GetValueOrDefault(logo);
                sequences[logo] = seq + 1;
                expected.Add($"msg {logo.Type} {logo.Module} {logo.Installation} {seq % 256} {body.Length} {(body.Length == 0 ? "-" : Hex(body))}");
            }
            expected.Add("none");
            Assert.That(Enumerable.Range(0, 4).Select(_ => peer.Ask("get")).ToArray(), Is.EqualTo(expected.ToArray()), $"round {round}");
        }
        Assert.That(peer.Ask("head"), Does.StartWith($"head 1024 {_keyMax} {writer.ReadHeader().KeyIn} {writer.ReadHeader().KeyOld} 0"));
        Assert.That(splitHeaders, Is.GreaterThan(0), "some header was split across the end");
    }

    [Test]
    public void BothWriteTheSameRingAndEachReadsTheOther()
    {
        var key = _keys.Next();
        using var port = SystemVRing.Create("INTEROP_RING", key, 2048, _layout);
        using var peer = new LineProcess(_peer, key.ToString());
        Assert.That(peer.Ask("attach"), Is.EqualTo("ok"));
        var buffer = new byte[511];

        for (var i = 0; i < 100; i++)
        {
            var text = $"port message {i}";
            Assert.That(port.Put(new Logo(1, 50, 3), Encoding.ASCII.GetBytes(text)), Is.EqualTo(PutStatus.Ok));
            Assert.That(peer.Ask($"put 3 60 1 {Hex(Encoding.ASCII.GetBytes($"c message {i}"))}"), Does.StartWith($"ok {i % 256} "));
            Assert.That(peer.Ask("get"), Is.EqualTo($"msg 3 50 1 {i % 256} {text.Length} {Hex(Encoding.ASCII.GetBytes(text))}"));
            Assert.That(peer.Ask("get"), Does.StartWith($"msg 3 60 1 {i % 256} "));
            Assert.That(port.CopyFrom([new Logo(1, 60, 0)], buffer, out _, out var length, out var seq), Is.EqualTo(GetStatus.Ok));
            Assert.That((Encoding.ASCII.GetString(buffer, 0, length), seq), Is.EqualTo(($"c message {i}", (byte)(i % 256))));
        }
    }

    [Test]
    public void FlagWrittenByOneSideIsSeenByTheOther()
    {
        var key = _keys.Next();
        using var port = SystemVRing.Create("INTEROP_RING", key, 1024, _layout);
        using var peer = new LineProcess(_peer, key.ToString());
        Assert.That(peer.Ask("attach"), Is.EqualTo("ok"));

        port.SetFlag(RingFlag.Terminate);

        Assert.That(peer.Ask("head"), Is.EqualTo($"head 1024 {_keyMax} 0 0 -999"));
    }

    private static byte[] RandomText(Random random, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(0x20, 0x7F);
        }
        return bytes;
    }

    private static string Hex(byte[] bytes) => bytes.Length == 0 ? "-" : Convert.ToHexString(bytes);
}

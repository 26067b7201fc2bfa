using Statmgr.Earthworm.Kom;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>A fresh temp directory per test, a reader whose diagnostics are collected.</summary>
public abstract class KomTestBase
{
    protected const string Home = "/home/u";

    private readonly List<CommandFileReader> _readers = [];

    protected EwParamsFixture Files { get; private set; } = null!;

    protected List<string> Diagnostics { get; } = [];

    [SetUp]
    public void CreateDirectory()
    {
        Files = EwParamsFixture.CreateEmpty();
        Diagnostics.Clear();
    }

    [TearDown]
    public void DeleteDirectory()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        _readers.Clear();
        Files.Dispose();
    }

    /// <summary>A reader whose environment has EW_PARAMS (the temp directory) and HOME=/home/u.</summary>
    private protected CommandFileReader NewReader(params (string Name, string Value)[] variables)
    {
        var all = new List<(string, string)> { ("HOME", Home) };
        all.AddRange(variables);
        var reader = new CommandFileReader(Files.Environment([.. all]), Diagnostics.Add);
        _readers.Add(reader);
        return reader;
    }

    /// <summary>Writes <paramref name="content"/> to a file, opens it and reads its first line.</summary>
    private protected CommandFileReader AtFirstLine(string content, bool expand = true)
    {
        var reader = NewReader();
        Assert.That(reader.Open(Files.Write("test.d", content)), Is.EqualTo(1));
        int length = expand ? reader.ReadLine() : reader.ReadLineRaw();
        Assert.That(length, Is.GreaterThan(0));
        return reader;
    }

    /// <summary>Every remaining token of the current line, and then the first null.</summary>
    private protected static List<string?> Tokens(CommandFileReader reader, int count)
    {
        var tokens = new List<string?>();
        for (int i = 0; i < count; i++)
        {
            tokens.Add(reader.NextToken());
        }

        return tokens;
    }
}

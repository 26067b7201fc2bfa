using System.Globalization;

namespace Statmgr.Earthworm.Tables;

/// <summary>
/// One getutil command (<c>Ring</c>, <c>Module</c>, <c>Message</c>, <c>Installation</c>): its
/// capacity, number range and C's message texts, which differ slightly from command to command.
/// </summary>
internal sealed class TableKind
{
    public const int MaxNameLength = 32;

    private const int IdCapacity = 256;

    private readonly string _tooManyFormat;
    private readonly string? _invalidNumberFormat;

    private TableKind(string command, string conflictLabel, int capacity, string tooManyFormat, string? invalidNumberFormat)
    {
        Command = command;
        ConflictLabel = conflictLabel;
        Capacity = capacity;
        _tooManyFormat = tooManyFormat;
        _invalidNumberFormat = invalidNumberFormat;
    }

    // MAX_RING is 50 and the check is "count+1 >= 50", so 49 rings fit.
    public static TableKind Ring { get; } = new("Ring", "Ring", 50,
        "GetUtil_LoadTable: Too many <Ring> lines in <{0}>; max={1}; EXITING!\n", null);

    public static TableKind Module { get; } = new("Module", "Module", IdCapacity,
        "GetUtil_LoadTable: Too many <Module> lines in <{0}>; max={1}; exiting!\n",
        "GetUtil_LoadTable: Invalid module id <{0}> in <{1}> (0-255 are valid); EXITING!");

    public static TableKind Message { get; } = new("Message", "Message Type", IdCapacity,
        "GetUtil_LoadTable: Too many <Message> lines in <{0}> ; max={1}; exiting!\n",
        "GetUtil_LoadTable: Invalid message type <{0}> in <{1}> (0-255 are valid); exiting!\n");

    public static TableKind Installation { get; } = new("Installation", "Installation", IdCapacity,
        "GetUtil_LoadTable: Too many <Installation> lines in <{0}>; max={1}; exiting!\n",
        "GetUtil_LoadTable: Invalid installation id <{0}> in <{1}> (0-255 are valid); exiting!\n");

    /// <summary>In the order getutil tests the command word.</summary>
    public static IReadOnlyList<TableKind> All { get; } = [Ring, Module, Message, Installation];

    public string Command { get; }

    public string ConflictLabel { get; }

    public int Capacity { get; }

    /// <summary>Ring keys are C longs with no range; the others are ints that must fit a byte.</summary>
    public bool HasByteRange => _invalidNumberFormat is not null;

    public string TooMany(string path) => Format(_tooManyFormat, path, Capacity);

    public string InvalidNumber(long number, string path) => Format(_invalidNumberFormat ?? string.Empty, number, path);

    public string NameTooLong(string name, string path) =>
        $"GetUtil_LoadTable: {Command} name <{name}> too long in <{path}>; max={MaxNameLength} chars; exiting!\n";

    public string Conflict(string path, KeyValuePair<string, long> original, string name, long number) =>
        $"GetUtil_LoadTable: conflict with current set of {ConflictLabel} IDs in\n <{path}>,\n New setting ignored.\n"
        + "(Reconfigure does not remove existing IDs, it only adds new IDs. \nIDs must be unique.)\n"
        + $"                   original: <{Command} {original.Key} {original.Value}>\n"
        + $"                        new: <{Command} {name} {number}>\n";

    private static string Format(string format, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}

using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Config;

/// <summary>
/// Collects configuration problems. Every problem is logged with C's flags and text. In a real
/// start the first error ends startup as C does (exit 255); for <c>--check</c> every problem is kept
/// and loading goes on, so that all of them can be reported at once.
/// </summary>
internal sealed class ConfigProblems
{
    /// <summary>The exit status of every fatal configuration error (C <c>exit(-1)</c>).</summary>
    public const int FatalExitCode = 255;

    private readonly ILogit _log;
    private readonly bool _collectAll;
    private readonly List<ConfigProblem> _problems = new();

    public ConfigProblems(ILogit log, bool collectAll)
    {
        _log = log;
        _collectAll = collectAll;
    }

    /// <summary>True when loading goes on after an error (<c>--check</c>).</summary>
    public bool CollectAll => _collectAll;

    public IReadOnlyList<ConfigProblem> All => _problems;

    public bool HasErrors => _problems.Exists(p => p.Severity == ConfigProblemSeverity.Error);

    /// <summary>A fatal error logged with flag <c>e</c>, as almost every C configuration error is.</summary>
    public void Error(ConfigLocation at, string text) => Error(at, ("e", text));

    /// <summary>
    /// A fatal error that C writes with several log calls (each with its own flags). The parts are
    /// logged in order and recorded as one problem.
    /// </summary>
    public void Error(ConfigLocation at, params ReadOnlySpan<(string Flags, string Text)> parts)
    {
        var text = string.Empty;
        foreach (var (flags, part) in parts)
        {
            _log.Write(flags, part);
            text += part;
        }
        _problems.Add(new ConfigProblem(at, ConfigProblemSeverity.Error, text));
        if (!_collectAll)
        {
            throw new EarthwormExitException(FatalExitCode, text);
        }
    }

    /// <summary>A problem that does not stop statmgr, logged with the given flags.</summary>
    public void Warning(ConfigLocation at, string flags, string text)
    {
        _log.Write(flags, text);
        _problems.Add(new ConfigProblem(at, ConfigProblemSeverity.Warning, text));
    }

    /// <summary>
    /// Records an error whose text was already written elsewhere (a library that ended the
    /// process in C, such as getutil loading the tables).
    /// </summary>
    public void RecordLoggedError(ConfigLocation at, string text)
    {
        _problems.Add(new ConfigProblem(at, ConfigProblemSeverity.Error, text));
    }

    /// <summary>Records a warning whose text was already written elsewhere (kom or getutil diagnostics).</summary>
    public void RecordLoggedWarning(ConfigLocation at, string text)
    {
        _problems.Add(new ConfigProblem(at, ConfigProblemSeverity.Warning, text));
    }
}

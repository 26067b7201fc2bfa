using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Messages;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// Applies one TYPE_ERROR: an error number the descriptor does not list is
/// ignored; a listed one goes through the rate rule and may be reported with the sender's time.
/// A time more than a day ahead of statmgr's clock is a decode error, like a malformed message.
/// </summary>
internal sealed class ErrorHandler
{
    private readonly ReportDispatcher _reports;
    private readonly OwnErrorReporter _own;
    private readonly TimeProvider _time;
    private readonly SenderTimeLimit _senderTime;

    public ErrorHandler(ReportDispatcher reports, OwnErrorReporter own, TimeProvider time)
    {
        _reports = reports;
        _own = own;
        _time = time;
        _senderTime = new SenderTimeLimit(() => EpochClock.Now(time));
    }

    public void Handle(Logo logo, ModuleHealth module, ReadOnlySpan<byte> body)
    {
        if (!ErrorMessage.TryParse(body, logo.Module, _senderTime, out var error, out var decodeError))
        {
            _own.TryReport(StatmgrError.Decode, EpochClock.Now(_time), decodeError!);
            return;
        }
        var state = module.FindError(error.Number);
        if (state is not null && state.Admit(error.Time))
        {
            _reports.ReportError(module.Descriptor, state.Rule, state.Counters, error.Time, error.NoteText);
        }
    }
}

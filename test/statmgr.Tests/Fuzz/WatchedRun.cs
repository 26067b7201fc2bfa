using System.Diagnostics;

namespace Statmgr.Tests.Fuzz;

/// <summary>
/// Runs fuzz inputs on a background thread and watches it, so that a call that never comes back
/// fails the test (naming the input and the operation) instead of hanging the suite.
/// </summary>
internal sealed class WatchedRun
{
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    private readonly int _inputs;
    private readonly Action<int, WatchedRun> _step;
    private long _done;
    private volatile string _operation = "";

    public WatchedRun(int inputs, Action<int, WatchedRun> step)
    {
        _inputs = inputs;
        _step = step;
    }

    /// <summary>Live heap growth (after full collections) from the end of the first tenth of the inputs to the end.</summary>
    public long HeapGrowth { get; private set; }

    /// <summary>The step in progress, named by the step itself for the failure message.</summary>
    public string Operation
    {
        get => _operation;
        set => _operation = value;
    }

    /// <summary>Runs every input; fails the test on an exception or a call stuck for 10 s.</summary>
    public void RunAndWatch()
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                long baseline = 0;
                for (var i = 0; i < _inputs; i++)
                {
                    if (i == _inputs / 10)
                    {
                        baseline = GC.GetTotalMemory(forceFullCollection: true);
                    }
                    _step(i, this);
                    Volatile.Write(ref _done, i + 1);
                }
                HeapGrowth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true, Name = "fuzz inputs" };
        thread.Start();

        long seen = -1;
        var since = Stopwatch.StartNew();
        while (!thread.Join(200))
        {
            var done = Volatile.Read(ref _done);
            if (done != seen)
            {
                seen = done;
                since.Restart();
            }
            else if (since.Elapsed > Stuck)
            {
                Assert.Fail($"a call has not come back for {Stuck.TotalSeconds} s: input {done}, {Operation}");
            }
        }
        Assert.That(failure, Is.Null, () => $"input {Volatile.Read(ref _done)}, {Operation}: {failure}");
        Assert.That(Volatile.Read(ref _done), Is.EqualTo(_inputs));
    }
}

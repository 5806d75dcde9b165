using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Crm.Bpm.Engine.Tests.Runtime;

namespace Crm.Bpm.Engine.Tests.Hosting;

/// <summary>An in-memory store whose job activation and timer acquisition fail as an unreachable database would, while <see cref="Down"/> is set.</summary>
internal sealed class FlakyStore(InMemoryProcessStore inner) : ForwardingProcessStore(inner)
{
    private int _down;

    private int _failures;

    /// <summary>Whether the store is unreachable for activation and acquisition.</summary>
    public bool Down
    {
        get => Volatile.Read(ref _down) == 1;
        set => Volatile.Write(ref _down, value ? 1 : 0);
    }

    /// <summary>How many calls failed because the store was down.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public override IReadOnlyList<JobRecord> ActivateJobs(JobActivation request)
    {
        ThrowWhenDown();
        return base.ActivateJobs(request);
    }

    public override IReadOnlyList<TimerRecord> AcquireDueTimers(TimerAcquisition request)
    {
        ThrowWhenDown();
        return base.AcquireDueTimers(request);
    }

    private void ThrowWhenDown()
    {
        if (Down)
        {
            Interlocked.Increment(ref _failures);
            throw new StoreUnavailableException("The database is restarting (test).");
        }
    }
}

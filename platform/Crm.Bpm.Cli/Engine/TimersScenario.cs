using System.Diagnostics;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine --scenario timers</c>: N instances wait at a one-hour timer; the clock moves two hours on and the timers are fired as the timer scheduler fires them (acquire a batch with a lock, fire each), timed until none is due.</summary>
internal static class TimersScenario
{
    public const string Name = "timers";

    public static BenchFigure Run(BenchRun run)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        BatchLoadingStore? loader = null;
        var engine = run.Store.CreateEngine(run.Options, clock, inner => loader = run.Loader(inner));
        using var batches = loader!;
        var process = BenchModels.Deploy(engine, BenchModels.TimerWait);
        var start = new StartProcessInstance(process);

        // Loading the waiting instances is not timed: batches of commands per transaction. The warm-up timers are due
        // a minute earlier, so the first acquisitions take them (earliest first) and the JIT is warm when timing starts.
        var options = new TimerSchedulerOptions { NodeId = "crm-bench" };
        var warmUp = 2 * options.MaxTimersPerAcquisition;
        batches.Batching = true;
        for (var i = 0; i < warmUp + run.Instances; i++)
        {
            if (i == warmUp)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
            }

            BenchRun.Check(engine.Execute(start), "Starting a timer-wait instance");
        }

        batches.Batching = false;
        clock.Advance(TimeSpan.FromHours(2));
        var warmed = FireAll(engine, options, warmUp);
        var watch = Stopwatch.StartNew();
        var fired = FireAll(engine, options, int.MaxValue);
        watch.Stop();
        if (warmed != warmUp || fired != run.Instances)
        {
            throw new BenchFailedException($"{warmed + fired} timers fired, not the {warmUp + run.Instances} that were due.");
        }

        return run.Figure(Name, watch.Elapsed.TotalSeconds, "s", fired);
    }

    /// <summary>What the timer scheduler does: acquire due timers with a lock, fire each; until none is due or <paramref name="limit"/> are fired.</summary>
    private static int FireAll(Crm.Bpm.Engine.Runtime.ProcessEngine engine, TimerSchedulerOptions options, int limit)
    {
        var fired = 0;
        while (fired < limit)
        {
            var timers = engine.AcquireDueTimers(options.NodeId, Math.Min(options.MaxTimersPerAcquisition, limit - fired), options.LockTimeout);
            if (timers.Count == 0)
            {
                break;
            }

            foreach (var timer in timers)
            {
                BenchRun.Check(engine.Execute(new FireTimer(timer.Key)), $"Firing timer {timer.Key}");
                fired++;
            }
        }

        return fired;
    }
}

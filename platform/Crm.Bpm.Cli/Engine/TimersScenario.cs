using System.Diagnostics;
using Crm.Bpm.Engine.Hosting;
using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Clock;
using Crm.Bpm.Engine.Runtime.Commands;

namespace Crm.Bpm.Cli.Engine;

/// <summary><c>crm bench engine --scenario timers</c>: N instances wait at a one-hour timer; the clock moves two hours on and the timers are fired as the timer scheduler fires them (acquire a batch with a lock, fire it in one transaction), timed until none is due; <c>--engines N</c> fires with N engines at once, as N nodes.</summary>
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
        var engines = new List<ProcessEngine> { engine };
        for (var i = 1; i < run.Engines; i++)
        {
            engines.Add(run.Store.CreateEngine(run.Options, clock));
        }

        var warmUp = 2 * options.MaxTimersPerAcquisition * engines.Count;
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
        var warmed = 0;
        for (var e = 0; e < engines.Count; e++)
        {
            warmed += FireAll(engines[e], options with { NodeId = $"crm-bench-node-{e}" }, 2 * options.MaxTimersPerAcquisition);
        }

        var fired = new int[engines.Count];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, engines.Count, new ParallelOptions { MaxDegreeOfParallelism = engines.Count }, e =>
            fired[e] = FireAll(engines[e], options with { NodeId = $"crm-bench-node-{e}" }, int.MaxValue));
        watch.Stop();
        if (warmed != warmUp || fired.Sum() != run.Instances)
        {
            throw new BenchFailedException($"{warmed + fired.Sum()} timers fired, not the {warmUp + run.Instances} that were due.");
        }

        return run.Figure(Name, watch.Elapsed.TotalSeconds, "s", fired.Sum());
    }

    /// <summary>What the timer scheduler does: acquire due timers with a lock, fire them committed together (<see cref="TimerSchedulerOptions.MaxTimersPerTransaction"/> per transaction); until none is due or <paramref name="limit"/> are fired.</summary>
    private static int FireAll(ProcessEngine engine, TimerSchedulerOptions options, int limit)
    {
        var fired = 0;
        while (fired < limit)
        {
            var timers = engine.AcquireDueTimers(options.NodeId, Math.Min(options.MaxTimersPerAcquisition, limit - fired), options.LockTimeout);
            if (timers.Count == 0)
            {
                break;
            }

            for (var first = 0; first < timers.Count; first += options.MaxTimersPerTransaction)
            {
                var commands = timers.Skip(first).Take(options.MaxTimersPerTransaction).Select(t => (EngineCommand)new FireTimer(t.Key)).ToList();
                var results = engine.ExecuteBatch(commands);
                for (var i = 0; i < results.Count; i++)
                {
                    BenchRun.Check(results[i], $"Firing timer {((FireTimer)commands[i]).TimerKey}");
                }

                fired += results.Count;
            }
        }

        return fired;
    }
}

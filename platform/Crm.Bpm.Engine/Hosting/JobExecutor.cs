using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Jobs;
using Crm.Bpm.Engine.Runtime.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>Runs the jobs of the built-in job types on this node: activates them with a lock, runs their handlers with bounded concurrency, and completes, fails or throws a BPMN error for each.</summary>
/// <remarks>
/// Jobs are activated through <see cref="ProcessEngine.ActivateJobs(IReadOnlyList{string}, string, int, TimeSpan)"/>
/// with this node as the lock owner; a job whose lock expired (its node crashed or stalled) is activated again by any
/// node. A failed job is retried with exponential back-off (<see cref="JobExecutorOptions.RetryBackoff"/>) until its
/// retries run out, when the engine opens an incident; resolving it makes the job activatable again. The loop wakes
/// at once when a commit on this node created a job (<see cref="LocalCommitSignal"/>), else every poll interval; an
/// unreachable database is logged and retried with back-off, never ending the service.
/// </remarks>
public sealed partial class JobExecutor : BackgroundService
{
    private readonly ProcessEngine _engine;
    private readonly JobHandlerRegistry _handlers;
    private readonly JobExecutorOptions _options;
    private readonly ILogger _logger;
    private readonly WakeUp _slotFreed = new();
    private int _running;
    private long _completed;
    private long _failed;
    private long _errorsThrown;
    private long _refused;

    public JobExecutor(ProcessEngine engine, JobHandlerRegistry handlers, JobExecutorOptions options, LocalCommitSignal? signal = null, ILogger<JobExecutor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.NodeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxJobsPerActivation, 1);
        _engine = engine;
        _handlers = handlers;
        _options = options;
        Signal = signal ?? new LocalCommitSignal();
        _logger = logger ?? NullLogger<JobExecutor>.Instance;
    }

    /// <summary>The signal commits on this node report to; pass the same one to the timer scheduler and API of the node.</summary>
    public LocalCommitSignal Signal { get; }

    /// <summary>Jobs this node completed.</summary>
    public long JobsCompleted => Interlocked.Read(ref _completed);

    /// <summary>Failures this node reported (each a retry or, with no retries left, an incident).</summary>
    public long JobsFailed => Interlocked.Read(ref _failed);

    /// <summary>BPMN errors this node threw for jobs.</summary>
    public long ErrorsThrown => Interlocked.Read(ref _errorsThrown);

    /// <summary>Results the engine refused, e.g. because another node took the job over after this node's lock expired.</summary>
    public long ResultsRefused => Interlocked.Read(ref _refused);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_handlers.Count == 0)
        {
            return;
        }

        await Task.Yield();
        var types = _handlers.Types;
        var running = new List<Task>();
        var unavailable = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = _options.MaxConcurrency - Volatile.Read(ref _running);
                if (free <= 0)
                {
                    await _slotFreed.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var wanted = Math.Min(free, _options.MaxJobsPerActivation);
                IReadOnlyList<JobRecord> jobs;
                try
                {
                    jobs = _engine.ActivateJobs(types, _options.NodeId, wanted, _options.LockTimeout);
                    unavailable = TimeSpan.Zero;
                }
#pragma warning disable CA1031 // Whatever the store throws (unreachable, restarting, a defect), the executor must outlive it: log, back off, try again.
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    unavailable = NextBackoff(unavailable, _options.UnavailableBackoff, _options.MaxUnavailableBackoff);
                    LogActivationFailed(_logger, _options.NodeId, unavailable, e.GetType().Name, e.Message, e is StoreUnavailableException ? null : e);
                    await Task.Delay(unavailable, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var job in jobs)
                {
                    Interlocked.Increment(ref _running);
                    running.Add(Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None));
                }

                if (jobs.Count == wanted)
                {
                    // A full batch: more jobs are probably waiting.
                    continue;
                }

                await Signal.Jobs.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: handlers see the same token; their jobs stay locked until the lock expires, then another node takes them.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(JobRecord job, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await HandleAsync(job, stoppingToken).ConfigureAwait(false);

            // Leave the thread the handler finished on before the store work below: with inline socket completions (set by
            // the crm host) that thread is the socket engine's, and a synchronous database call there would wait for itself.
            // (ConfigureAwaitOptions.ForceYielding does not do this: it yields only when the task is already complete; a
            // task completed later still runs this method's continuation on the completing thread.)
            await Task.Yield();
            if (outcome is null)
            {
                return;
            }

            var command = ToCommand(job, outcome);
            CommandResult result;
            try
            {
                result = _engine.Execute(command);
            }
#pragma warning disable CA1031 // The job's lock expires and another node (or this one) runs it again; one job must not stop the executor.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _refused);
                LogResultNotCommitted(_logger, job.Key, job.Type, outcome.Kind, $"{e.GetType().Name}: {e.Message}");
                return;
            }

            Signal.Observe(result);
            if (!result.Succeeded)
            {
                Interlocked.Increment(ref _refused);
                LogResultNotCommitted(_logger, job.Key, job.Type, outcome.Kind, result.Error!.ToString());
                return;
            }

            switch (outcome.Kind)
            {
                case JobOutcomeKind.Complete:
                    Interlocked.Increment(ref _completed);
                    break;
                case JobOutcomeKind.Error:
                    Interlocked.Increment(ref _errorsThrown);
                    break;
                default:
                    Interlocked.Increment(ref _failed);
                    if (command is FailJob { Retries: > 0, RetryBackoff: { } backoff })
                    {
                        WakeAfter(backoff, stoppingToken);
                    }

                    break;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _slotFreed.Pulse();
        }
    }

    private async Task<JobOutcome?> HandleAsync(JobRecord job, CancellationToken stoppingToken)
    {
        if (_handlers.Find(job.Type) is not { } handler)
        {
            return JobOutcome.Fail($"No handler for the job type '{job.Type}' on node {_options.NodeId}.");
        }

        try
        {
            return await handler.HandleAsync(new JobContext(job, _options.NodeId), stoppingToken).ConfigureAwait(false)
                ?? JobOutcome.Fail($"The handler {handler.GetType().Name} returned no outcome.");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogAbandoned(_logger, job.Key, job.Type);
            return null;
        }
#pragma warning disable CA1031 // A handler's exception is the job's failure (retried, then an incident), not the executor's.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return JobOutcome.Fail($"{e.GetType().Name}: {e.Message}");
        }
    }

    private EngineCommand ToCommand(JobRecord job, JobOutcome outcome) => outcome.Kind switch
    {
        JobOutcomeKind.Complete => new CompleteJob(job.Key) { Variables = outcome.Variables, Effects = outcome.Effects },
        JobOutcomeKind.Error => new ThrowError(job.Key, outcome.ErrorCode!) { ErrorMessage = outcome.ErrorMessage, Variables = outcome.Variables },
        _ => new FailJob(job.Key, outcome.Retries ?? Math.Max(0, job.Retries - 1))
        {
            ErrorMessage = outcome.ErrorMessage,
            RetryBackoff = outcome.RetryBackoff ?? _options.RetryBackoff(job),
        },
    };

    private void WakeAfter(TimeSpan backoff, CancellationToken stoppingToken)
    {
        // The job becomes activatable when its back-off ends; look then rather than at the next poll.
        _ = Task.Delay(backoff, stoppingToken).ContinueWith(_ => Signal.JobsAvailable(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    internal static TimeSpan NextBackoff(TimeSpan current, TimeSpan first, TimeSpan max)
    {
        if (current <= TimeSpan.Zero)
        {
            return first;
        }

        var doubled = current * 2;
        return doubled > max ? max : doubled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} cannot activate jobs ({Kind}: {Reason}); trying again in {Backoff}.")]
    private static partial void LogActivationFailed(ILogger logger, string nodeId, TimeSpan backoff, string kind, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of job {JobKey} ({Type}, {Outcome}) was not committed: {Reason}.")]
    private static partial void LogResultNotCommitted(ILogger logger, long jobKey, string type, JobOutcomeKind outcome, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} ({Type}) abandoned on shutdown; another node takes it when its lock expires.")]
    private static partial void LogAbandoned(ILogger logger, long jobKey, string type);
}

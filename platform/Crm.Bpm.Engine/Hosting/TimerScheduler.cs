using Crm.Bpm.Engine.Runtime;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Store;
using Crm.Bpm.Engine.Runtime.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>Fires due timers on this node: acquires them with a lock (so no two nodes fire one timer), fires them with <see cref="FireTimer"/> commands committed together in batches, and sleeps until the next due timer or the poll interval.</summary>
/// <remarks>
/// A timer locked by a node that crashed is acquired again once its lock expires. Firing a timer that another node
/// fired meanwhile is refused by the engine and changes nothing. An unreachable database is logged and retried with
/// back-off, never ending the service.
/// </remarks>
public sealed partial class TimerScheduler : BackgroundService
{
    private readonly ProcessEngine _engine;
    private readonly TimerSchedulerOptions _options;
    private readonly ILogger _logger;
    private long _fired;
    private long _refused;
    private long _looks;

    public TimerScheduler(ProcessEngine engine, TimerSchedulerOptions options, LocalCommitSignal? signal = null, ILogger<TimerScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.NodeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTimersPerAcquisition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTimersPerTransaction, 1);
        _engine = engine;
        _options = options;
        Signal = signal ?? new LocalCommitSignal();
        _logger = logger ?? NullLogger<TimerScheduler>.Instance;
    }

    /// <summary>The signal commits on this node report to.</summary>
    public LocalCommitSignal Signal { get; }

    /// <summary>Timers this node fired.</summary>
    public long TimersFired => Interlocked.Read(ref _fired);

    /// <summary>Firings the engine refused (the timer was gone or not due: another node fired it, or its instance moved on).</summary>
    public long FiringsRefused => Interlocked.Read(ref _refused);

    /// <summary>How many times this scheduler asked the store for due timers (successfully).</summary>
    public long Looks => Interlocked.Read(ref _looks);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var unavailable = TimeSpan.Zero;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<TimerRecord> timers;
                try
                {
                    timers = _engine.AcquireDueTimers(_options.NodeId, _options.MaxTimersPerAcquisition, _options.LockTimeout);
                    unavailable = TimeSpan.Zero;
                    Interlocked.Increment(ref _looks);
                }
#pragma warning disable CA1031 // Whatever the store throws (unreachable, restarting, a defect), the scheduler must outlive it: log, back off, try again.
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    unavailable = JobExecutor.NextBackoff(unavailable, _options.UnavailableBackoff, _options.MaxUnavailableBackoff);
                    LogAcquisitionFailed(_logger, _options.NodeId, unavailable, e.GetType().Name, e.Message, e is StoreUnavailableException ? null : e);
                    await Task.Delay(unavailable, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                for (var first = 0; first < timers.Count; first += _options.MaxTimersPerTransaction)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    Fire(timers, first, Math.Min(_options.MaxTimersPerTransaction, timers.Count - first));
                }

                if (timers.Count == _options.MaxTimersPerAcquisition)
                {
                    continue;
                }

                await Signal.Timers.WaitAsync(SleepTime(), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: timers acquired but not fired stay locked until the lock expires, then any node fires them.
        }
    }

    /// <summary>Fires <paramref name="count"/> of the acquired timers from <paramref name="first"/> on, committed together (one transaction for all that fire).</summary>
    private void Fire(IReadOnlyList<TimerRecord> timers, int first, int count)
    {
        var commands = new EngineCommand[count];
        for (var i = 0; i < count; i++)
        {
            commands[i] = new FireTimer(timers[first + i].Key);
        }

        IReadOnlyList<CommandResult> results;
        try
        {
            results = _engine.ExecuteBatch(commands);
        }
#pragma warning disable CA1031 // The timers' locks expire and they are fired again; a failure must not stop the scheduler.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Interlocked.Add(ref _refused, count);
            for (var i = 0; i < count; i++)
            {
                LogNotFiredFailure(_logger, timers[first + i].Key, timers[first + i].ElementId, e.GetType().Name, e.Message);
            }

            return;
        }

        for (var i = 0; i < count; i++)
        {
            var result = results[i];
            Signal.Observe(result);
            if (result.Succeeded)
            {
                Interlocked.Increment(ref _fired);
            }
            else
            {
                Interlocked.Increment(ref _refused);
                LogNotFired(_logger, timers[first + i].Key, timers[first + i].ElementId, result.Error!);
            }
        }
    }

    private TimeSpan SleepTime()
    {
        var now = _engine.Clock.Now;
        if (Signal.NextDueAfter(now) is { } due && due - now < _options.PollInterval)
        {
            return due - now;
        }

        return _options.PollInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} cannot acquire due timers ({Kind}: {Reason}); trying again in {Backoff}.")]
    private static partial void LogAcquisitionFailed(ILogger logger, string nodeId, TimeSpan backoff, string kind, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {TimerKey} ({ElementId}) not fired: {Reason}.")]
    private static partial void LogNotFired(ILogger logger, long timerKey, string elementId, CommandError reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerKey} ({ElementId}) not fired: {Kind}: {Reason}.")]
    private static partial void LogNotFiredFailure(ILogger logger, long timerKey, string elementId, string kind, string reason);
}

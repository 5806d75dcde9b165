using System.Globalization;
using Crm.Bpm.Engine.Runtime.Commands;
using Crm.Bpm.Engine.Runtime.Events;

namespace Crm.Bpm.Engine.Hosting;

/// <summary>Tells this node's job executor and timer scheduler about commits made here, so jobs and timers created on this node are handled at once rather than at the next database poll.</summary>
/// <remarks>
/// Whoever runs engine commands on the node (the executor, the scheduler, an API) passes each result to
/// <see cref="Observe"/>. Commits on other nodes are found by the poll. Thread-safe.
/// </remarks>
public sealed class LocalCommitSignal
{
    // Enough to remember the due dates of every timer a busy node creates between two firings; beyond it the poll covers.
    private const int MaxRememberedTimers = 100_000;

    private readonly Lock _gate = new();
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _dueDates = new();

    internal WakeUp Jobs { get; } = new();

    internal WakeUp Timers { get; } = new();

    /// <summary>Wakes the job executor when the command created or freed jobs, and tells the timer scheduler when new timers fall due.</summary>
    public void Observe(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            return;
        }

        var wakeTimers = false;
        foreach (var e in result.Events)
        {
            switch (e.Kind)
            {
                case EngineEventKind.JobCreated:
                case EngineEventKind.IncidentResolved:
                    JobsAvailable();
                    break;
                case EngineEventKind.TimerCreated:
                    wakeTimers |= Remember(e.Detail);
                    break;
            }
        }

        if (wakeTimers)
        {
            Timers.Pulse();
        }
    }

    /// <summary>Wakes the job executor: jobs may be waiting.</summary>
    public void JobsAvailable() => Jobs.Pulse();

    /// <summary>Wakes the timer scheduler: timers may be due.</summary>
    public void TimersDue() => Timers.Pulse();

    /// <summary>The earliest due date of a timer created on this node that is after <paramref name="now"/>, or null; forgets the ones at or before it.</summary>
    internal DateTimeOffset? NextDueAfter(DateTimeOffset now)
    {
        lock (_gate)
        {
            while (_dueDates.TryPeek(out var due, out _))
            {
                if (due > now)
                {
                    return due;
                }

                _dueDates.Dequeue();
            }

            return null;
        }
    }

    private bool Remember(string? detail)
    {
        if (!DateTimeOffset.TryParse(detail, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var due))
        {
            return true;
        }

        lock (_gate)
        {
            var earliest = _dueDates.TryPeek(out var first, out _) ? first : DateTimeOffset.MaxValue;
            if (_dueDates.Count < MaxRememberedTimers)
            {
                _dueDates.Enqueue(due, due);
            }

            // Only a timer due before the one the scheduler sleeps toward needs to shorten its sleep.
            return due < earliest;
        }
    }
}

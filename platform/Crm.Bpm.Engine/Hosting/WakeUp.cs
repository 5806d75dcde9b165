namespace Crm.Bpm.Engine.Hosting;

/// <summary>An auto-reset wake-up for one waiting loop: a pulse before or during the wait ends it.</summary>
internal sealed class WakeUp
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _pulse = NewPulse();

    /// <summary>Wakes the loop now, or makes its next wait return at once.</summary>
    public void Pulse()
    {
        lock (_gate)
        {
            _pulse.TrySetResult();
        }
    }

    /// <summary>Waits for a pulse or the timeout; returns whether a pulse came; throws when cancelled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task pulse;
        lock (_gate)
        {
            if (_pulse.Task.IsCompleted)
            {
                _pulse = NewPulse();
                return true;
            }

            pulse = _pulse.Task;
        }

        if (timeout > TimeSpan.Zero)
        {
            using var timeoutOrStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, timeoutOrStop.Token);
            await Task.WhenAny(pulse, delay).ConfigureAwait(false);
            await timeoutOrStop.CancelAsync().ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_pulse.Task.IsCompleted)
            {
                _pulse = NewPulse();
                return true;
            }
        }

        return false;
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

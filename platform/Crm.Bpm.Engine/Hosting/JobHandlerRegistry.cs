namespace Crm.Bpm.Engine.Hosting;

/// <summary>The built-in job handlers of a server, by job type; the job executor activates only jobs of these types.</summary>
public sealed class JobHandlerRegistry
{
    private readonly Dictionary<string, IJobHandler> _handlers = new(StringComparer.Ordinal);

    public JobHandlerRegistry()
    {
    }

    public JobHandlerRegistry(IEnumerable<IJobHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (var handler in handlers)
        {
            Add(handler);
        }
    }

    /// <summary>The job types with a handler, in registration order.</summary>
    public IReadOnlyList<string> Types => [.. _handlers.Keys];

    /// <summary>How many handlers are registered.</summary>
    public int Count => _handlers.Count;

    /// <summary>Registers a handler for its type.</summary>
    /// <exception cref="InvalidOperationException">Another handler already has that type.</exception>
    public JobHandlerRegistry Add(IJobHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(handler.Type);
        if (!_handlers.TryAdd(handler.Type, handler))
        {
            throw new InvalidOperationException($"Two job handlers for the type '{handler.Type}': {_handlers[handler.Type].GetType().Name} and {handler.GetType().Name}.");
        }

        return this;
    }

    /// <summary>Registers a handler written as a function.</summary>
    public JobHandlerRegistry Add(string type, Func<JobContext, CancellationToken, Task<JobOutcome>> handle) =>
        Add(new DelegateJobHandler(type, handle));

    /// <summary>The handler of a job type, or null.</summary>
    public IJobHandler? Find(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _handlers.GetValueOrDefault(type);
    }
}

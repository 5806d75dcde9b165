namespace Crm.Bpm.Connectors.Triggers;

/// <summary>How a trigger dispatcher takes record events from the outbox.</summary>
public sealed record TriggerDispatcherOptions
{
    /// <summary>The dispatcher's name as the outbox lock owner (the node id).</summary>
    public string ConsumerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How many events one outbox read locks.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How long this dispatcher holds the events it read; after it another dispatcher may take them (this one is presumed crashed).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is read when it was empty.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the deployed definitions are read again for new triggers.</summary>
    public TimeSpan CatalogueRefresh { get; init; } = TimeSpan.FromSeconds(5);
}

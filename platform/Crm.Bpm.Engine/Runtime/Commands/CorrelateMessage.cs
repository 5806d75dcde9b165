namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>Publishes a message: it triggers the waiting catch events with the name and correlation key (at most one per process) and the message start events; if nothing waits and it has a time to live, it is buffered.</summary>
/// <param name="Name">The message name.</param>
/// <param name="CorrelationKey">The correlation key, or null for a message that only starts processes.</param>
public sealed record CorrelateMessage(string Name, string? CorrelationKey) : EngineCommand
{
    /// <summary>How long the message waits for a subscription when none is open, or null not to buffer it.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The publisher's id for the message, or null.</summary>
    public string? MessageId { get; init; }
}

using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.Messages;

/// <summary>A published message that found no subscription and waits, until it expires, for one to open.</summary>
public sealed record BufferedMessage : IKeyedRecord
{
    public required long Key { get; init; }

    public required string Name { get; init; }

    public required string CorrelationKey { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>(0);

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The publisher's id for the message, or null.</summary>
    public string? MessageId { get; init; }
}

namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One published message waiting for a subscription, as stored in <c>bpm_buffered_messages</c>.</summary>
public sealed class BufferedMessageRow
{
    public long MessageKey { get; set; }

    public string Name { get; set; } = "";

    public string CorrelationKey { get; set; } = "";

    /// <summary>JSON object of the message variables.</summary>
    public string Variables { get; set; } = "";

    /// <summary>UTC ticks.</summary>
    public long ExpiresAt { get; set; }

    public string? MessageId { get; set; }
}

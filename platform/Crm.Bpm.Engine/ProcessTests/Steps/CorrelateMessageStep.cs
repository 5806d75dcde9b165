using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Publishes a message by name and correlation key (<c>correlateMessage</c>).</summary>
public sealed record CorrelateMessageStep(string Name, string? CorrelationKey, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "correlateMessage";

    /// <summary>How long the message waits for a subscription when none matches now, or null (not buffered).</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The message id, or null.</summary>
    public string? MessageId { get; init; }
}

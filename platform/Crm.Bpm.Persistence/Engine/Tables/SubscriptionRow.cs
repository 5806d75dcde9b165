namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One open message or signal subscription, as stored in <c>bpm_subscriptions</c>.</summary>
public sealed class SubscriptionRow
{
    public long SubscriptionKey { get; set; }

    public int Kind { get; set; }

    public string Name { get; set; } = "";

    public string? CorrelationKey { get; set; }

    public long InstanceKey { get; set; }

    public long ElementInstanceKey { get; set; }

    public string ElementId { get; set; } = "";

    public string BpmnProcessId { get; set; } = "";

    public long DefinitionKey { get; set; }

    public bool Interrupting { get; set; }
}

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>compensateEventDefinition</c>: compensation is triggered or handled.</summary>
public sealed record CompensateEventDefinition : EventDefinition
{
    public string? ActivityRef { get; init; }

    public bool WaitForCompletion { get; init; } = true;

    public override string ElementName => "compensateEventDefinition";
}

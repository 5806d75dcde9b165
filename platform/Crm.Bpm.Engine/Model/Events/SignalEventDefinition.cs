namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>signalEventDefinition</c>: a broadcast signal is thrown or caught.</summary>
public sealed record SignalEventDefinition : EventDefinition
{
    public string? SignalRef { get; init; }

    public override string ElementName => "signalEventDefinition";
}

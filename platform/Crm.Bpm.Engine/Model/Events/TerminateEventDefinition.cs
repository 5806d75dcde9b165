namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>terminateEventDefinition</c>: ends every path in the scope at once.</summary>
public sealed record TerminateEventDefinition : EventDefinition
{
    public override string ElementName => "terminateEventDefinition";
}

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>cancelEventDefinition</c>: cancels a transaction.</summary>
public sealed record CancelEventDefinition : EventDefinition
{
    public override string ElementName => "cancelEventDefinition";
}

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>intermediateThrowEvent</c>: throws in the middle of a path and continues.</summary>
public sealed record IntermediateThrowEvent : ThrowEvent
{
    public override string ElementName => "intermediateThrowEvent";
}

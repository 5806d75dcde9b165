namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>intermediateCatchEvent</c>: waits in the middle of a path for a message, timer, signal, condition or link.</summary>
public sealed record IntermediateCatchEvent : CatchEvent
{
    public override string ElementName => "intermediateCatchEvent";
}

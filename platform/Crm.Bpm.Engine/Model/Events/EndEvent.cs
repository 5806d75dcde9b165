namespace Crm.Bpm.Engine.Model.Events;

/// <summary>An <c>endEvent</c>: ends a path, possibly throwing an error, escalation, message, signal or terminating the scope.</summary>
public sealed record EndEvent : ThrowEvent
{
    public override string ElementName => "endEvent";
}

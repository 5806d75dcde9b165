namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>startEvent</c>; in an event sub-process <see cref="IsInterrupting"/> says whether it cancels the parent scope.</summary>
public sealed record StartEvent : CatchEvent
{
    public bool IsInterrupting { get; init; } = true;

    public override string ElementName => "startEvent";
}

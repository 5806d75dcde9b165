namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>boundaryEvent</c> attached to an activity; <see cref="CancelActivity"/> says whether it interrupts it.</summary>
public sealed record BoundaryEvent : CatchEvent
{
    /// <summary>The raw id of the activity it is attached to; null when missing (the parser reports it).</summary>
    public string? AttachedToRef { get; init; }

    public bool CancelActivity { get; init; } = true;

    public override string ElementName => "boundaryEvent";
}

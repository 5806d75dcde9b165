namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>callActivity</c>: starts another process (<c>zeebe:calledElement</c>) and waits for it.</summary>
public sealed record CallActivity : Activity
{
    /// <summary>The BPMN <c>calledElement</c> attribute; Camunda 8 uses <c>zeebe:calledElement</c> instead.</summary>
    public string? CalledElement { get; init; }

    public override string ElementName => "callActivity";
}

namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>message</c> that message events, tasks and flows refer to (BPMN 2.0.2 §8.4.10).</summary>
public sealed record Message : RootElement
{
    public string? Name { get; init; }

    public string? ItemRef { get; init; }

    public override string ElementName => "message";
}

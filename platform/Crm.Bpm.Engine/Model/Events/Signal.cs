namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>signal</c> that signal events refer to (BPMN 2.0.2 §10.5.5).</summary>
public sealed record Signal : RootElement
{
    public string? Name { get; init; }

    public string? StructureRef { get; init; }

    public override string ElementName => "signal";
}

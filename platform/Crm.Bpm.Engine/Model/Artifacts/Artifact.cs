namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>A diagram annotation that does not affect the flow: a text annotation, an association or a group (BPMN 2.0.2 §8.3.2).</summary>
public abstract record Artifact : BaseElement;

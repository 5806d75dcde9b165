namespace Crm.Bpm.Engine.Model.Events;

/// <summary>What triggers or is thrown by an event (BPMN 2.0.2 §10.5.5); may also stand at the root to be shared via <c>eventDefinitionRef</c>.</summary>
public abstract record EventDefinition : RootElement;

namespace Crm.Bpm.Engine.Model;

/// <summary>An element that may stand directly under <c>definitions</c> (BPMN 2.0.2 §8.3.10): a process, a message, an error...</summary>
public abstract record RootElement : BaseElement;

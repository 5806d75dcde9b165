namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>How an activity repeats: a standard loop or multi-instance (BPMN 2.0.2 §10.3.6).</summary>
public abstract record LoopCharacteristics : BaseElement;

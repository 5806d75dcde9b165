namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>Any task: an atomic activity (BPMN 2.0.2 §10.3.3); the concrete kinds derive from it.</summary>
public abstract record TaskActivity : Activity;

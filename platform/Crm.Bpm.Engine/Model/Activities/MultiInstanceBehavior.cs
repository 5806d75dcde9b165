namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>When a multi-instance activity throws its one/none behaviour events (BPMN 2.0.2 §10.3.6).</summary>
public enum MultiInstanceBehavior
{
    None,
    One,
    All,
    Complex,
}

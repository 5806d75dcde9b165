namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>The <c>processType</c> of a process: whether it is meant to be executed privately or shown publicly (BPMN 2.0.2 §10.2).</summary>
public enum ProcessType
{
    None,
    Private,
    Public,
}

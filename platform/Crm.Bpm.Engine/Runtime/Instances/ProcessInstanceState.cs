namespace Crm.Bpm.Engine.Runtime.Instances;

/// <summary>The lifecycle state of a process instance.</summary>
public enum ProcessInstanceState
{
    Active,
    Completed,
    Terminated,
}

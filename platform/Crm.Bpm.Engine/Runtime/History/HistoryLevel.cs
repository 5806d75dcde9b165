namespace Crm.Bpm.Engine.Runtime.History;

/// <summary>How much history the engine writes with every command.</summary>
public enum HistoryLevel
{
    /// <summary>No history.</summary>
    None,

    /// <summary>Instances, elements, user tasks and incidents: started, completed, terminated, created, resolved.</summary>
    Activity,

    /// <summary>Activity history plus variable changes and job lifecycle.</summary>
    Full,
}

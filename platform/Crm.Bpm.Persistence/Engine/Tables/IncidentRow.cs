namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One open incident, as stored in <c>bpm_incidents</c>.</summary>
public sealed class IncidentRow
{
    public long IncidentKey { get; set; }

    public int IncidentType { get; set; }

    public string Message { get; set; } = "";

    public long InstanceKey { get; set; }

    public long ElementInstanceKey { get; set; }

    public string ElementId { get; set; } = "";

    public string BpmnProcessId { get; set; } = "";

    public long JobKey { get; set; }

    /// <summary>UTC ticks.</summary>
    public long CreatedAt { get; set; }
}

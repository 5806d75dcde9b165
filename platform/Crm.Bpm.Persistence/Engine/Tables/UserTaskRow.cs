namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One open user task, as stored in <c>bpm_user_tasks</c>; its candidates are also rows of <c>bpm_task_candidates</c> for the task query.</summary>
public sealed class UserTaskRow
{
    public long TaskKey { get; set; }

    public long InstanceKey { get; set; }

    public long ElementInstanceKey { get; set; }

    public string ElementId { get; set; } = "";

    public string BpmnProcessId { get; set; } = "";

    public long DefinitionKey { get; set; }

    public string? Name { get; set; }

    public string? Assignee { get; set; }

    /// <summary>JSON array of the candidate users in their order.</summary>
    public string CandidateUsers { get; set; } = "";

    /// <summary>JSON array of the candidate groups in their order.</summary>
    public string CandidateGroups { get; set; } = "";

    /// <summary>UTC ticks, or null.</summary>
    public long? DueDate { get; set; }

    /// <summary>UTC ticks, or null.</summary>
    public long? FollowUpDate { get; set; }

    public int Priority { get; set; }

    public string? FormKey { get; set; }

    /// <summary>JSON object of the variables visible at the task.</summary>
    public string Variables { get; set; } = "";

    /// <summary>UTC ticks.</summary>
    public long CreatedAt { get; set; }
}

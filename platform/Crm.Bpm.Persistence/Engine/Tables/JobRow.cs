namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One job for a worker, with its lock (worker and deadline), as stored in <c>bpm_jobs</c>.</summary>
public sealed class JobRow
{
    public long JobKey { get; set; }

    public string JobType { get; set; } = "";

    public long InstanceKey { get; set; }

    public long ElementInstanceKey { get; set; }

    public string ElementId { get; set; } = "";

    public string BpmnProcessId { get; set; } = "";

    public long DefinitionKey { get; set; }

    public int Retries { get; set; }

    public int State { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>UTC ticks, or null.</summary>
    public long? RetryAfter { get; set; }

    public string? Worker { get; set; }

    /// <summary>UTC ticks when the worker's lock expires, or null.</summary>
    public long? Deadline { get; set; }

    /// <summary>JSON object of the task headers.</summary>
    public string CustomHeaders { get; set; } = "";

    /// <summary>JSON object of the variables visible at the task.</summary>
    public string Variables { get; set; } = "";

    /// <summary>UTC ticks.</summary>
    public long CreatedAt { get; set; }
}

using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.Jobs;

/// <summary>A unit of work for an external or built-in worker, created by a service, send, script or business rule task with a job type.</summary>
public sealed record JobRecord : IKeyedRecord
{
    public required long Key { get; init; }

    /// <summary>The job type workers subscribe to (<c>zeebe:taskDefinition type</c>).</summary>
    public required string Type { get; init; }

    public required long ProcessInstanceKey { get; init; }

    public required long ElementInstanceKey { get; init; }

    public required string ElementId { get; init; }

    public required string BpmnProcessId { get; init; }

    public required long ProcessDefinitionKey { get; init; }

    public int Retries { get; init; } = 3;

    public JobState State { get; init; }

    /// <summary>The message of the last failure, or null.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When a failed job may be worked on again (retry back-off), or null.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>The task headers (<c>zeebe:taskHeaders</c>).</summary>
    public IReadOnlyDictionary<string, string> CustomHeaders { get; init; } = new Dictionary<string, string>(0);

    /// <summary>The variables visible at the task when the job was created, for the worker.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>(0);

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The worker that activated the job, or null while nobody holds it.</summary>
    public string? Worker { get; init; }

    /// <summary>When the activating worker's lock expires, or null while nobody holds it.</summary>
    public DateTimeOffset? Deadline { get; init; }
}

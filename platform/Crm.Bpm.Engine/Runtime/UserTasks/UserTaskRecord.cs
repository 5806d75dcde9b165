using System.Text.Json;
using Crm.Bpm.Engine.Runtime.Store;

namespace Crm.Bpm.Engine.Runtime.UserTasks;

/// <summary>An open user task waiting for a person (Camunda 8 user task), with its evaluated assignment and schedule.</summary>
public sealed record UserTaskRecord : IKeyedRecord
{
    public required long Key { get; init; }

    public required long ProcessInstanceKey { get; init; }

    public required long ElementInstanceKey { get; init; }

    public required string ElementId { get; init; }

    public required string BpmnProcessId { get; init; }

    public required long ProcessDefinitionKey { get; init; }

    public string? Name { get; init; }

    public string? Assignee { get; init; }

    public IReadOnlyList<string> CandidateUsers { get; init; } = [];

    public IReadOnlyList<string> CandidateGroups { get; init; } = [];

    public DateTimeOffset? DueDate { get; init; }

    public DateTimeOffset? FollowUpDate { get; init; }

    /// <summary>0 to 100, 50 by default (Camunda 8).</summary>
    public int Priority { get; init; } = 50;

    public string? FormKey { get; init; }

    /// <summary>The variables visible at the task when it was created.</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>(0);

    public DateTimeOffset CreatedAt { get; init; }
}

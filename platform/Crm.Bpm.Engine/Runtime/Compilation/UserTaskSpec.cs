namespace Crm.Bpm.Engine.Runtime.Compilation;

/// <summary>The Camunda 8 user task attributes, each static or FEEL (<c>zeebe:assignmentDefinition</c>, <c>zeebe:taskSchedule</c>, <c>zeebe:priorityDefinition</c>, <c>zeebe:formDefinition</c>).</summary>
public sealed record UserTaskSpec
{
    public ValueSource? Assignee { get; init; }

    public ValueSource? CandidateUsers { get; init; }

    public ValueSource? CandidateGroups { get; init; }

    public ValueSource? DueDate { get; init; }

    public ValueSource? FollowUpDate { get; init; }

    public ValueSource? Priority { get; init; }

    public string? FormKey { get; init; }
}

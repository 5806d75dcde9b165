using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Expectations;

/// <summary>An open user task that must exist at an element with the given details; a detail left null is not checked.</summary>
public sealed record TaskExpectation(string Element, int Line)
{
    public string? Name { get; init; }

    public string? Assignee { get; init; }

    public IReadOnlyList<string>? CandidateUsers { get; init; }

    public IReadOnlyList<string>? CandidateGroups { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    public DateTimeOffset? FollowUpDate { get; init; }

    public int? Priority { get; init; }

    public string? FormKey { get; init; }

    /// <summary>A JSON object the task's variables must contain.</summary>
    public JsonElement? Variables { get; init; }
}

using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Expectations;

/// <summary>What must hold after a case or a step (<c>expect</c>); every check left null is not made.</summary>
public sealed record ProcessTestExpectation
{
    /// <summary>Where <c>expect</c> was written.</summary>
    public int Line { get; init; }

    /// <summary><c>active</c>, <c>completed</c>, <c>terminated</c>, <c>incident</c> (active with an open incident) or <c>notStarted</c>.</summary>
    public Located<string>? State { get; init; }

    /// <summary>Elements completed at least once.</summary>
    public Located<IReadOnlyList<string>>? Passed { get; init; }

    /// <summary>Elements never completed.</summary>
    public Located<IReadOnlyList<string>>? NotPassed { get; init; }

    /// <summary>The exact order of completed elements of the case's instance.</summary>
    public Located<IReadOnlyList<string>>? Path { get; init; }

    /// <summary>How many times each element completed.</summary>
    public Located<IReadOnlyDictionary<string, int>>? PassedTimes { get; init; }

    /// <summary>A JSON object the process variables must contain (objects match by subset, everything else exactly).</summary>
    public Located<JsonElement>? Variables { get; init; }

    /// <summary>Variables that must not exist on the process instance.</summary>
    public Located<IReadOnlyList<string>>? NoVariables { get; init; }

    /// <summary>The element ids of every open user task, as many times as there are tasks.</summary>
    public Located<IReadOnlyList<string>>? OpenTasks { get; init; }

    /// <summary>Open user tasks that must exist with the given details.</summary>
    public Located<IReadOnlyList<TaskExpectation>>? Tasks { get; init; }

    /// <summary>The types of every job waiting for a worker, as many times as there are jobs.</summary>
    public Located<IReadOnlyList<string>>? OpenJobs { get; init; }

    /// <summary>Jobs that must exist with the given details.</summary>
    public Located<IReadOnlyList<JobExpectation>>? Jobs { get; init; }

    /// <summary>The element of every open incident, as many times as there are incidents, with optional details.</summary>
    public Located<IReadOnlyList<IncidentExpectation>>? Incidents { get; init; }

    /// <summary>The elements where the instance waits (active element instances with no active children), as many times as they wait.</summary>
    public Located<IReadOnlyList<string>>? WaitingAt { get; init; }

    /// <summary>The names of messages buffered and not yet correlated.</summary>
    public Located<IReadOnlyList<string>>? BufferedMessages { get; init; }

    /// <summary>On a step: the engine must refuse the command, with this error code or <c>any</c>.</summary>
    public Located<string>? Rejected { get; init; }

    /// <summary>On a message or signal step: how many subscriptions or start events it triggered.</summary>
    public Located<int>? Correlations { get; init; }
}

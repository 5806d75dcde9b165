using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>Completes the oldest job waiting for a worker, chosen by job type and/or element (<c>completeJob</c>).</summary>
public sealed record CompleteJobStep(JobSelector Job, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "completeJob";
}

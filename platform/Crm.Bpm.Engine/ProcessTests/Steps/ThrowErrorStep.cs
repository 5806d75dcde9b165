using System.Text.Json;

namespace Crm.Bpm.Engine.ProcessTests.Steps;

/// <summary>A worker throws a BPMN error for a job (<c>throwError</c>).</summary>
public sealed record ThrowErrorStep(JobSelector Job, string Code, string? Message, IReadOnlyDictionary<string, JsonElement> Variables) : ProcessTestStep
{
    public override string Keyword => "throwError";
}

namespace Crm.Bpm.Engine.Runtime.Commands;

/// <summary>A worker reports a business error: a BPMN error with the code is thrown at the job's task and caught by the nearest matching boundary event or event sub-process.</summary>
/// <param name="JobKey">The job's key.</param>
/// <param name="ErrorCode">The BPMN error code.</param>
public sealed record ThrowError(long JobKey, string ErrorCode) : EngineCommand
{
    public string? ErrorMessage { get; init; }
}

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>serviceTask</c>: work done by a job worker (<c>zeebe:taskDefinition</c>) or a service.</summary>
public sealed record ServiceTask : TaskActivity
{
    public string? Implementation { get; init; }

    public string? OperationRef { get; init; }

    public override string ElementName => "serviceTask";
}

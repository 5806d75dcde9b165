namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>sendTask</c>: sends a message; in Camunda 8 a job worker does the sending.</summary>
public sealed record SendTask : TaskActivity
{
    public string? Implementation { get; init; }

    public string? MessageRef { get; init; }

    public string? OperationRef { get; init; }

    public override string ElementName => "sendTask";
}

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>receiveTask</c>: waits for a message.</summary>
public sealed record ReceiveTask : TaskActivity
{
    public string? Implementation { get; init; }

    public bool Instantiate { get; init; }

    public string? MessageRef { get; init; }

    public string? OperationRef { get; init; }

    public override string ElementName => "receiveTask";
}

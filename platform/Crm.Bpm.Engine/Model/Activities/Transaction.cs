namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>transaction</c>: a sub-process whose work is undone together on cancel (BPMN 2.0.2 §10.3.5).</summary>
public sealed record Transaction : SubProcess
{
    /// <summary>The <c>method</c> URI, or null for the spec default <c>##Compensate</c>.</summary>
    public string? Method { get; init; }

    public override string ElementName => "transaction";
}

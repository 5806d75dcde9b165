namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>scriptTask</c>: a script, in Camunda 8 a FEEL expression (<c>zeebe:script</c>) or a job.</summary>
public sealed record ScriptTask : TaskActivity
{
    public string? ScriptFormat { get; init; }

    /// <summary>The text of the BPMN <c>script</c> child, or null.</summary>
    public string? Script { get; init; }

    public override string ElementName => "scriptTask";
}

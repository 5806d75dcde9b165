namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>businessRuleTask</c>: evaluates a decision (<c>zeebe:calledDecision</c>) or runs a job.</summary>
public sealed record BusinessRuleTask : TaskActivity
{
    public string? Implementation { get; init; }

    public override string ElementName => "businessRuleTask";
}

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>An <c>adHocSubProcess</c>: inner activities run in any order, any number of times (BPMN 2.0.2 §10.3.5).</summary>
public sealed record AdHocSubProcess : SubProcess
{
    public AdHocOrdering Ordering { get; init; } = AdHocOrdering.Parallel;

    public bool CancelRemainingInstances { get; init; } = true;

    public Expression? CompletionCondition { get; init; }

    public override string ElementName => "adHocSubProcess";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (CompletionCondition is not null)
        {
            yield return CompletionCondition;
        }
    }
}

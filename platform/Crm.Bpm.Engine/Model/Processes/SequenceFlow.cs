namespace Crm.Bpm.Engine.Model.Processes;

/// <summary>A <c>sequenceFlow</c> between two flow nodes of the same container (BPMN 2.0.2 §8.4.1).</summary>
public sealed record SequenceFlow : FlowElement
{
    /// <summary>The raw <c>sourceRef</c> id; null when missing (the parser reports it).</summary>
    public string? SourceRef { get; init; }

    /// <summary>The raw <c>targetRef</c> id; null when missing (the parser reports it).</summary>
    public string? TargetRef { get; init; }

    /// <summary>The <c>conditionExpression</c>, or null for an unconditional flow.</summary>
    public Expression? ConditionExpression { get; init; }

    public bool? IsImmediate { get; init; }

    public override string ElementName => "sequenceFlow";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (ConditionExpression is not null)
        {
            yield return ConditionExpression;
        }
    }
}

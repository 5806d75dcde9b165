using Crm.Bpm.Engine.Model.Data;
using Crm.Bpm.Engine.Model.Zeebe;

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>multiInstanceLoopCharacteristics</c>: run one instance per item or a counted number, in parallel or in sequence.</summary>
public sealed record MultiInstanceLoopCharacteristics : LoopCharacteristics
{
    public bool IsSequential { get; init; }

    public MultiInstanceBehavior Behavior { get; init; } = MultiInstanceBehavior.All;

    public Expression? LoopCardinality { get; init; }

    public string? LoopDataInputRef { get; init; }

    public string? LoopDataOutputRef { get; init; }

    public DataInput? InputDataItem { get; init; }

    public DataOutput? OutputDataItem { get; init; }

    public Expression? CompletionCondition { get; init; }

    public string? OneBehaviorEventRef { get; init; }

    public string? NoneBehaviorEventRef { get; init; }

    public override string ElementName => "multiInstanceLoopCharacteristics";

    /// <summary>The Camunda 8 <c>zeebe:loopCharacteristics</c> (input/output collection), or null.</summary>
    public ZeebeLoopCharacteristics? Zeebe => Extension<ZeebeLoopCharacteristics>();

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (LoopCardinality is not null)
        {
            yield return LoopCardinality;
        }

        if (InputDataItem is not null)
        {
            yield return InputDataItem;
        }

        if (OutputDataItem is not null)
        {
            yield return OutputDataItem;
        }

        if (CompletionCondition is not null)
        {
            yield return CompletionCondition;
        }
    }
}

namespace Crm.Bpm.Engine.Model.Activities;

/// <summary>A <c>standardLoopCharacteristics</c>: repeat while a condition holds.</summary>
public sealed record StandardLoopCharacteristics : LoopCharacteristics
{
    public bool TestBefore { get; init; }

    public int? LoopMaximum { get; init; }

    public Expression? LoopCondition { get; init; }

    public override string ElementName => "standardLoopCharacteristics";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (LoopCondition is not null)
        {
            yield return LoopCondition;
        }
    }
}

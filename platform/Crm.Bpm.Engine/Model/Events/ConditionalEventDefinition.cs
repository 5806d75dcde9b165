namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>conditionalEventDefinition</c>: fires when its condition becomes true.</summary>
public sealed record ConditionalEventDefinition : EventDefinition
{
    public Expression? Condition { get; init; }

    public override string ElementName => "conditionalEventDefinition";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (Condition is not null)
        {
            yield return Condition;
        }
    }
}

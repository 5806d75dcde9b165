namespace Crm.Bpm.Engine.Model.Events;

/// <summary>A <c>timerEventDefinition</c>: a date, a duration or a cycle (one of them is set).</summary>
public sealed record TimerEventDefinition : EventDefinition
{
    public Expression? TimeDate { get; init; }

    public Expression? TimeDuration { get; init; }

    public Expression? TimeCycle { get; init; }

    public override string ElementName => "timerEventDefinition";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (TimeDate is not null)
        {
            yield return TimeDate;
        }

        if (TimeDuration is not null)
        {
            yield return TimeDuration;
        }

        if (TimeCycle is not null)
        {
            yield return TimeCycle;
        }
    }
}

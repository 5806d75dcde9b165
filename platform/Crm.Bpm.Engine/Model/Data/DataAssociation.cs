namespace Crm.Bpm.Engine.Model.Data;

/// <summary>Moves data from sources to a target, optionally transformed (BPMN 2.0.2 §10.4.1).</summary>
public abstract record DataAssociation : BaseElement
{
    public IReadOnlyList<string> SourceRefs { get; init; } = [];

    public string? TargetRef { get; init; }

    public Expression? Transformation { get; init; }

    public IReadOnlyList<Assignment> Assignments { get; init; } = [];

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (Transformation is not null)
        {
            yield return Transformation;
        }

        foreach (var owned in Assignments)
        {
            yield return owned;
        }
    }
}

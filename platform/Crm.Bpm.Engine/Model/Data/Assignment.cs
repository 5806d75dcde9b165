namespace Crm.Bpm.Engine.Model.Data;

/// <summary>An <c>assignment</c> inside a data association: copies <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record Assignment : BaseElement
{
    public Expression? From { get; init; }

    public Expression? To { get; init; }

    public override string ElementName => "assignment";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (From is not null)
        {
            yield return From;
        }

        if (To is not null)
        {
            yield return To;
        }
    }
}

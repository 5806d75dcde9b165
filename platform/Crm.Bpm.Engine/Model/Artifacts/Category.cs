namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>A <c>category</c> whose values groups refer to.</summary>
public sealed record Category : RootElement
{
    public string? Name { get; init; }

    public IReadOnlyList<CategoryValue> CategoryValues { get; init; } = [];

    public override string ElementName => "category";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        foreach (var owned in CategoryValues)
        {
            yield return owned;
        }
    }
}

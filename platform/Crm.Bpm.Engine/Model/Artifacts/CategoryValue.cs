namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>A <c>categoryValue</c> of a category.</summary>
public sealed record CategoryValue : BaseElement
{
    public string? Value { get; init; }

    public override string ElementName => "categoryValue";
}

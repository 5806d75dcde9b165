namespace Crm.Bpm.Engine.Model.Gateways;

/// <summary>A <c>complexGateway</c>: joins when its activation condition holds.</summary>
public sealed record ComplexGateway : Gateway
{
    public string? DefaultRef { get; init; }

    public Expression? ActivationCondition { get; init; }

    public override string ElementName => "complexGateway";

    public override IEnumerable<BaseElement> OwnedElements()
    {
        foreach (var owned in base.OwnedElements())
        {
            yield return owned;
        }

        if (ActivationCondition is not null)
        {
            yield return ActivationCondition;
        }
    }
}

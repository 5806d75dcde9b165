namespace Crm.Bpm.Dmn.Tck;

/// <summary>A value written <c>xsi:nil="true"</c>, which stands for FEEL null.</summary>
public sealed record TckNil : TckValue
{
    public static TckNil Instance { get; } = new();
}

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataOutputAssociation</c>: writes an activity's output to a data object or store.</summary>
public sealed record DataOutputAssociation : DataAssociation
{
    public override string ElementName => "dataOutputAssociation";
}

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>A <c>dataInputAssociation</c>: feeds a data object or store into an activity's input.</summary>
public sealed record DataInputAssociation : DataAssociation
{
    public override string ElementName => "dataInputAssociation";
}

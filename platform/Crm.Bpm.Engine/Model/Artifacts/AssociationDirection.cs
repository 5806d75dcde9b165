namespace Crm.Bpm.Engine.Model.Artifacts;

/// <summary>Which ends of an association carry an arrowhead.</summary>
public enum AssociationDirection
{
    None,
    One,
    Both,
}

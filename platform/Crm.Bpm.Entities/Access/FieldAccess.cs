namespace Crm.Bpm.Entities.Access;

/// <summary>How much of a field a user may see and change, from least to most.</summary>
public enum FieldAccess
{
    Hidden,
    Read,
    Edit,
}

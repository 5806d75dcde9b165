namespace Crm.Bpm.Entities.Schemas;

/// <summary>Whether a duplicate found on save only warns or refuses the save.</summary>
public enum DuplicateAction
{
    Warn,
    Block,
}

namespace Crm.Bpm.Engine.Model.Data;

/// <summary>Whether an item definition describes information or a physical thing.</summary>
public enum ItemKind
{
    Information,
    Physical,
}

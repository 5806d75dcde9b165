namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>One live element instance of a process instance, as stored in <c>bpm_element_instances</c>.</summary>
public sealed class ElementInstanceRow
{
    public long ElementInstanceKey { get; set; }

    public long InstanceKey { get; set; }

    public long ParentKey { get; set; }

    public string ElementId { get; set; } = "";

    public int State { get; set; }

    /// <summary>Engine-private JSON of the element's state.</summary>
    public string Data { get; set; } = "";
}

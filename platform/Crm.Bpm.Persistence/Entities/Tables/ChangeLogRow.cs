namespace Crm.Bpm.Persistence.Entities.Tables;

/// <summary>One field change in <c>crm_change_log</c>.</summary>
public sealed class ChangeLogRow
{
    public long Id { get; set; }

    public string Entity { get; set; } = "";

    public string RecordId { get; set; } = "";

    public int Kind { get; set; }

    public string Field { get; set; } = "";

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? UserId { get; set; }

    public DateTime ChangedOn { get; set; }
}

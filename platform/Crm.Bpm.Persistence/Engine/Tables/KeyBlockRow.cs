namespace Crm.Bpm.Persistence.Engine.Tables;

/// <summary>The single row of <c>bpm_key_blocks</c>: the next key any engine may hand out.</summary>
public sealed class KeyBlockRow
{
    public int Id { get; set; }

    public long NextKey { get; set; }
}

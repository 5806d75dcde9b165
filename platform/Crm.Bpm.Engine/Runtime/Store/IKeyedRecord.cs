namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>A stored runtime row identified by its engine-wide unique key.</summary>
public interface IKeyedRecord
{
    long Key { get; }
}

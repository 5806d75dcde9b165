namespace Crm.Bpm.Entities.Records;

/// <summary>Thrown by a store when a record changed since it was read, so the unit of work was not written.</summary>
public sealed class RecordConcurrencyException : Exception
{
    public RecordConcurrencyException()
    {
    }

    public RecordConcurrencyException(string message)
        : base(message)
    {
    }

    public RecordConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

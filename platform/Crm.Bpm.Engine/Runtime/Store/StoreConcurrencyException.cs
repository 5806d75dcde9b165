namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Thrown by a store when an instance changed since the command loaded it; the command is retried or reported as a conflict.</summary>
public sealed class StoreConcurrencyException : Exception
{
    public StoreConcurrencyException()
    {
    }

    public StoreConcurrencyException(string message)
        : base(message)
    {
    }

    public StoreConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Crm.Bpm.Engine.Runtime.Store;

/// <summary>Thrown by a store when it cannot be reached for a while (connection lost, timeout, database restarting); nothing was written and the command may be run again.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

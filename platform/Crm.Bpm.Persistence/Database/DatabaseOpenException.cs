namespace Crm.Bpm.Persistence.Database;

/// <summary>Thrown when a database cannot be opened: the server is unreachable, the database is missing, or it was migrated by a newer Crm.Bpm; the message says which server and what to do.</summary>
public sealed class DatabaseOpenException : Exception
{
    public DatabaseOpenException()
    {
    }

    public DatabaseOpenException(string message)
        : base(message)
    {
    }

    public DatabaseOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

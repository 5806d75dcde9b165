namespace Crm.Bpm.Cli.Engine;

/// <summary>Thrown when a benchmark cannot go on (a command was refused, an instance did not reach the expected state); the message says what happened.</summary>
internal sealed class BenchFailedException : Exception
{
    public BenchFailedException()
    {
    }

    public BenchFailedException(string message)
        : base(message)
    {
    }

    public BenchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

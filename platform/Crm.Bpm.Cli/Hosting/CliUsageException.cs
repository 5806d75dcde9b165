namespace Crm.Bpm.Cli.Hosting;

/// <summary>The command line itself is wrong (a missing value, an unknown option); the message says what to type instead.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

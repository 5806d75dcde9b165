namespace Crm.Bpm.Connectors.Jobs;

/// <summary>A connector's input (a task header or job variable) is missing or has the wrong form; retrying cannot help, so the job fails without retries and the message tells the modeller what to fix.</summary>
public sealed class ConnectorInputException : Exception
{
    public ConnectorInputException()
    {
    }

    public ConnectorInputException(string message)
        : base(message)
    {
    }

    public ConnectorInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using Microsoft.Extensions.Logging;

namespace Crm.Bpm.Cli.Serve;

/// <summary>Writes log entries of a serving node as single lines (time, level, node, message) to the command's error writer.</summary>
internal sealed class ConsoleLineLogger<T>(TextWriter writer, string nodeId, LogLevel minimum) : ILogger<T>
{
    private static readonly Lock WriterGate = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {Level(logLevel)} [{nodeId}] {formatter(state, exception)}";
        lock (WriterGate)
        {
            writer.WriteLine(line);
            if (exception is not null && logLevel >= LogLevel.Error)
            {
                writer.WriteLine(exception.ToString());
            }

            writer.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "fatal",
    };
}

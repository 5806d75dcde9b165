namespace Crm.Bpm.Cli.Hosting;

/// <summary>The output and error writers a command prints to, so tests can run commands in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The process's own standard output and error.</summary>
    public static CliConsole System { get; } = new(global::System.Console.Out, global::System.Console.Error);
}

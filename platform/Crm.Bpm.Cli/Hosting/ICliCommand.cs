namespace Crm.Bpm.Cli.Hosting;

/// <summary>One verb of the <c>crm</c> command, such as <c>validate</c> or <c>dmn eval</c>.</summary>
public interface ICliCommand
{
    /// <summary>The words that select this command, e.g. <c>["bpmn", "roundtrip"]</c>.</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>The usage line shown in help, without the leading <c>crm</c> and path.</summary>
    string Usage { get; }

    /// <summary>One sentence saying what the command is for.</summary>
    string Summary { get; }

    /// <summary>Runs the command and returns the process exit code.</summary>
    int Run(CliArguments arguments, CliConsole console);
}

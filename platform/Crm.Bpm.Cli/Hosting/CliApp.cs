namespace Crm.Bpm.Cli.Hosting;

/// <summary>Finds the command named by the leading words of the arguments and runs it.</summary>
/// <remarks>Exit codes: what the command returns; 64 for a usage error (unknown command or option).</remarks>
public sealed class CliApp
{
    /// <summary>The exit code of a command line that names no command or is malformed.</summary>
    public const int UsageExitCode = 64;

    private readonly IReadOnlyList<ICliCommand> _commands;

    public CliApp(IEnumerable<ICliCommand> commands)
    {
        _commands = commands.OrderByDescending(c => c.Path.Count).ToList();
    }

    /// <summary>The commands this app knows.</summary>
    public IReadOnlyList<ICliCommand> Commands => _commands;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(console.Out);
            return args.Count == 0 ? UsageExitCode : 0;
        }

        var command = _commands.FirstOrDefault(c => c.Path.Count <= args.Count && c.Path.SequenceEqual(args.Take(c.Path.Count)));
        if (command is null)
        {
            console.Error.WriteLine($"crm: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}'. Run 'crm help' for the list.");
            return UsageExitCode;
        }

        var rest = args.Skip(command.Path.Count).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            console.Out.WriteLine($"usage: crm {string.Join(' ', command.Path)} {command.Usage}");
            console.Out.WriteLine(command.Summary);
            return 0;
        }

        try
        {
            return command.Run(new CliCommandContext(rest).Arguments(command), console);
        }
        catch (CliUsageException ex)
        {
            console.Error.WriteLine($"crm {string.Join(' ', command.Path)}: {ex.Message}");
            console.Error.WriteLine($"usage: crm {string.Join(' ', command.Path)} {command.Usage}");
            return UsageExitCode;
        }
    }

    private void PrintHelp(TextWriter output)
    {
        output.WriteLine("crm: the Crm.Bpm command. Commands:");
        foreach (var command in _commands.OrderBy(c => string.Join(' ', c.Path), StringComparer.Ordinal))
        {
            output.WriteLine($"  crm {string.Join(' ', command.Path),-16} {command.Summary}");
        }

        output.WriteLine("Run 'crm COMMAND --help' for a command's options.");
    }
}

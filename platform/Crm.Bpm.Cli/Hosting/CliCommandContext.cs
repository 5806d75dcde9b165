namespace Crm.Bpm.Cli.Hosting;

/// <summary>Parses a command's own arguments with the options it declares.</summary>
internal sealed class CliCommandContext(IReadOnlyList<string> rest)
{
    public CliArguments Arguments(ICliCommand command)
    {
        var declared = command is IDeclaresOptions d ? d.ValueOptions : [];
        return CliArguments.Parse(rest, declared);
    }
}
